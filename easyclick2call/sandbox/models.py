"""The OVHcloud models the sandbox answers with (as in the published schema): billing
accounts, lines, line options, the demo account's nichandle, prices."""

from __future__ import annotations


def price(value: float, currency: str = "EUR") -> dict:
    return {"currencyCode": currency, "text": f"{value:.2f} €", "value": value}


def billing_account_json(name: str, description: str) -> dict:
    """A `telephony.BillingAccountWithIAM`."""
    return {
        "allowedOutplan": price(50.0),
        "billingAccount": name,
        "creditThreshold": price(50.0),
        "currentOutplan": price(0.0),
        "description": description,
        "hasSpecialNumbers": False,
        "hiddenExternalNumber": False,
        "iam": {
            "displayName": description,
            "id": "6f1e4c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b",
            "state": "OK",
            "tags": None,
            "urn": f"urn:v1:eu:resource:telephony:{name}",
        },
        "overrideDisplayedNumber": False,
        "securityDeposit": price(0.0),
        "status": "enabled",
        "trusted": True,
    }


def line_json(service_name: str, description: str) -> dict:
    """A `telephony.Line`."""
    return {
        "canChangePassword": True,
        "description": description,
        "deviceSlot": 1,
        "getPublicOffer": {
            "description": "Ligne SIP individuelle (démo)",
            "name": "voip.main.offer.individual",
            "price": price(1.99),
        },
        "infrastructure": "SIP",
        "isAttachedToOtherLinesPhone": False,
        "notifications": None,
        "offers": ["voip.main.offer.individual"],
        "serviceName": service_name,
        "serviceType": "line",
        "simultaneousLines": 2,
    }


def line_options_json(service_name: str) -> dict:
    """A `telephony.LineOptions` (intercom `prefixed`, display number = the line)."""
    return {
        "absentSubscriber": False,
        "anonymousCallRejection": False,
        "callRestrictionIncoming": False,
        "callRestrictionOutgoing": False,
        "callWaiting": True,
        "codecs": "g711a",
        "defaultVoicemail": service_name,
        "displayNumber": service_name,
        "doNotDisturb": False,
        "domain": "sip.demo.invalid",
        "forwardBackup": False,
        "forwardBackupNature": "number",
        "forwardBackupNumber": "",
        "forwardBusy": False,
        "forwardBusyNature": "number",
        "forwardBusyNumber": "",
        "forwardNoReply": False,
        "forwardNoReplyDelay": 20,
        "forwardNoReplyNature": "number",
        "forwardNoReplyNumber": "",
        "forwardUnconditional": False,
        "forwardUnconditionalNature": "number",
        "forwardUnconditionalNumber": "",
        "identificationRestriction": False,
        "intercom": "prefixed",
        "ipRestrictions": [],
        "language": "French",
        "lockOutCall": False,
        "lockOutCallPassword": None,
        "proxy": "sip.demo.invalid",
        "recordOutgoingCallsBeta": False,
        "toneOnCallWaitingSoundId": None,
        "toneOnHoldSoundId": None,
        "toneRingbackSoundId": None,
        "voicemailExternalNumber": "",
        "voicemailInternalNumber": "",
    }


# `nichandle.Nichandle` of the demo account (every property present, null where allowed).
NICHANDLE = {
    "address": "1 rue de la Démo",
    "area": None,
    "birthCity": None,
    "birthDay": None,
    "city": "Roubaix",
    "companyNationalIdentificationNumber": None,
    "complementaryAddress": None,
    "corporationType": None,
    "country": "FR",
    "currency": {"code": "EUR", "symbol": "EURO"},
    "customerCode": "0000-0000-00",
    "email": "demo@example.invalid",
    "fax": None,
    "firstname": "Demo",
    "italianSDI": None,
    "kycValidated": None,
    "language": "fr_FR",
    "legalform": "individual",
    "name": "Sandbox",
    "nationalIdentificationNumber": None,
    "nichandle": "xx1111-ovh",
    "organisation": None,
    "ovhCompany": "ovh",
    "ovhSubsidiary": "FR",
    "phone": "+33.199000000",
    "phoneCountry": "FR",
    "phoneType": "landline",
    "purposeOfPurchase": None,
    "sex": None,
    "spareEmail": None,
    "state": "complete",
    "vat": None,
    "zip": "59100",
}
