"""Labelled identifiers: a number-shaped run introduced by a label that names something else.

"N° client : 0123456789", "Kundennummer 030123456", "Nº de pedido 612345678", "CVR 32123456"
are a customer number, an order number, a company register — not phones, even though the digits
make a valid number of the page's country. "Tél. client", "Kundenhotline", "Customer service"
still name a phone.

The rule reads the label words right before the number, nearest first, on the number's line
(after the last digits before it, so an earlier field's label does not count), or — when
nothing but the number is on its line — on the line above (letterheads and footers where a
label sits over its value, ``<br />`` lines included). Walking back, function words and
"number" markers are skipped; the first content word decides (an identifier noun only right
before the number or its marker: "commande au 01 …" is a sentence, "N° de commande" a label):

* a phone word (in any of the languages below, also inside a compound: "Kundenhotline",
  "Telefonnummer") → a phone;
* an identifier noun ("facture", "Rechnung", "pedido", "CVR"…) or a compound ending in a number
  marker whose stem is not a phone ("Vorgangsnummer", "Klantnummer", "Rechnungs-Nr.") → an id;
* a party word ("client", "Kunden", "cliente"…) makes an id only with a number marker next to
  it ("N° client", "Customer ID", "Codice cliente"), a phone with a phone word ("Tél. client").

Anything else stops the walk: an unlabelled number stays a phone.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORDS = re.compile(r"[^\s:;,()\[\]<>|·•/]+")
_PIECES = re.compile(r"[-.'’]")
_MAX_WORDS = 5
_REACH = 48  # characters before the number the label may start in

# Words (or stems, inside compounds) that name a way to call, in FR/EN/DE/ES/IT/NL/Nordic/PL/CZ.
_PHONE_STEMS = (
    "telef", "teléf", "phone", "fax", "mobil", "mobiel", "móvil", "movil", "handy", "cellul",
    "portable", "hotline", "service", "servicio", "servizio", "serwis", "support", "helpdesk",
    "dienst", "kundtjänst", "asiakaspalvelu", "obsługa", "infolinia", "linka", "durchwahl",
    "zentrale", "centralino", "vermittlung", "switchboard", "standard", "contact", "kontakt",
    "whatsapp", "puhelin", "atención", "assistenza", "anruf", "rufnummer", "notruf", "appel",
    "freephone", "klantenservice", "kundeservice", "ligne", "línea", "linea", "haupt",
    "festnetz", "notfall", "direkt", "ruf", "büro", "privat", "sammel",
)  # fmt: skip
_PHONE_WORDS = _words(
    "tel tél tlf tfno telf ph fon gsm cell sms call ring line direct mob port puh ruf fix "
    "fixe tel.nr tlf.nr"
)
# Nouns naming an identifier (their plural or inflected forms as written on pages).
_ID_WORDS = _words(
    # French
    "facture factures commande cde cmd contrat compte police adhérent abonné ticket dossier réf "
    "ref référence reference identifiant id série lot sinistre devis suivi colis transaction "
    "licence matricule badge siren siret tva rcs entreprise ape naf rib bic article produit "
    "reçu réservation confirmation sécurité "
    # English
    "invoice order contract account acct policy member membership file case claim tracking "
    "booking reservation serial receipt registration reg company vat tax tin ein ssn sort crn "
    "license patient student employee passport item product sku batch shipment parcel quote "
    "record certificate voucher "
    # German
    "rechnung rechnungs bestellung bestell auftrag auftrags vertrag vertrags konto versicherung "
    "mitglied mitglieds aktenzeichen az vorgang vorgangs referenz steuer steuernummer st ust "
    "ustid ust-idnr hrb hra handelsregister amtsgericht registergericht blz bankleitzahl iban "
    "uid atu fn firmenbuch mwst sendung lieferschein beleg buchung zähler kassenzeichen "
    "geschäftszeichen "
    # Spanish
    "pedido factura contrato cuenta póliza poliza socio expediente referencia cif nif nie dni "
    "afiliación reserva localizador albarán seguimiento "
    # Italian
    "fattura ordine contratto conto polizza tessera pratica riferimento rif iva piva p.iva "
    "partita fiscale cf c.f rea cciaa protocollo matricola prenotazione spedizione "
    # Dutch
    "factuur bestelling rekening polis lid referentie kvk btw onderneming rpr zending boeking "
    "kenmerk betalingskenmerk "
    # Nordic
    "faktura ordre kid ocr cvr se org orgnr mva moms momsnr y-tunnus ytunnus lasku laskun "
    "tilaus sopimus viite viitenumero avtale avtal bestilling referanse referens "
    # Polish
    "faktury zamówienia zamówienie umowy umowa konta nip regon krs pesel polisy zlecenia sprawy "
    # Czech
    "objednávky objednávka smlouvy smlouva účtu účet ič ičo dič variabilní symbol vs pojistky "
    "spisová značka"
)
# Compounds ending in an identifier noun ("Vertragskonto", "Kassenzeichen"); a compound that
# only starts with one names something else ("Bestellannahme", "Kundenberater": phones).
_ID_ENDS = ("konto", "rechnung", "vertrag", "register", "referenz", "zeichen", "kenmerk",
            "factuur", "faktura", "polis")  # fmt: skip
# The party a number belongs to: an id with a marker, else neutral.
_PARTY_WORDS = _words(
    "client clients customer kunden kunde kund cliente clientes klant klanten klienta "
    "zákazníka zákazník asiakas asiakkaan abonnent user usuario utente"
)
# "Number" markers, alone or as the end of a compound ("Kundennummer", "Kunden-Nr.").
_MARKERS = _words(
    "n° nº no nr n núm num nro numer numero número numéro number nummer číslo č # id code "
    "codice cod kod kód tunnus nummern n.º nr° no°"
)
# Unhyphenated compounds only end in a long marker (or the "nr" abbreviation: "Kundennr").
_MARKER_SUFFIXES = ("nummer", "nummern", "numero", "número", "numer", "nr")
# Function words a label may hold ("N° de facture"); not "du", "del", "della": "numéro du
# client" is the customer's phone number in a sentence, "numéro de client" a customer number.
_FUNCTION_WORDS = _words(
    "de des d la le les l of the your our my votre notre vos nos ihre ihr unsere unser "
    "sie di il el su tu uw je onze van der den het din ditt er vårt vaše váš "
    "pana à a au en in im"
)


def _pieces(word: str) -> list[str]:
    return [piece for piece in _PIECES.split(word) if piece]


def _is_phone(word: str) -> bool:
    if word in _PHONE_WORDS:
        return True
    return any(stem in word for stem in _PHONE_STEMS)


def _classify(written: str) -> str | None:
    """'phone', 'id', 'marker', 'party', 'skip', 'prefix' or None (a word ending the label)."""
    word = written.lower().strip(".:-'’\"")
    if not word:
        return "skip"
    if _is_phone(word):
        return "phone"
    if word in _MARKERS:
        return "marker"
    if word in _ID_WORDS or word.replace(".", "") in _ID_WORDS:
        return "id"
    if word in _PARTY_WORDS:
        return "party"
    if 2 <= len(word) <= 3 and written.isalpha() and written.isupper():
        return "prefix"  # the country letters of a tax id: "BTW BE 0450.001.234"
    if word in _FUNCTION_WORDS:
        return "skip"
    pieces = _pieces(word)
    if len(pieces) > 1:  # "Rechnungs-Nr.", "Org.nr", "KID-nummer", "d'abonné"
        kinds = [_classify(piece) for piece in pieces]
        if "phone" in kinds:
            return "phone"
        if "id" in kinds or kinds[-1] == "marker" or ("party" in kinds and "marker" in kinds):
            return "id"
        return kinds[-1]
    for suffix in _MARKER_SUFFIXES:  # "Kundennummer", "Klantnummer", "Asiakasnumero"
        if word.endswith(suffix) and len(word) >= len(suffix) + 3:
            return "id"
    return "id" if word.endswith(_ID_ENDS) else None


def _label_kind(words: list[str]) -> str | None:
    """'phone' or 'id' for the label words (nearest last), or None when there is no label."""
    marker = party = skipped = False
    for word in reversed(words[-_MAX_WORDS:]):
        kind = _classify(word)
        if kind == "phone":
            return kind
        if kind == "id":  # not across a function word: "commande au 01…" is a sentence
            return None if skipped and not marker else kind
        skipped |= kind == "skip"
        if kind == "marker":
            marker = True
        elif kind == "party":
            party = True
        elif kind is None:
            break
        if marker and party:
            return "id"
    return None


_LAST_DIGIT = re.compile(r"\d(?=\D*\Z)")


def _label_words(text: str, start: int) -> list[str]:
    """The words that may label the number starting at ``start`` (see the module docstring)."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - _REACH) : start]
    digit = _LAST_DIGIT.search(before)
    if digit:
        before = before[digit.end() :]
    words = _WORDS.findall(before)
    if words or digit or line_start == 0:
        return words
    above_start = text.rfind("\n", 0, line_start - 1) + 1
    above = text[above_start : line_start - 1]
    if len(above) > _REACH or _LAST_DIGIT.search(above):
        return []
    return _WORDS.findall(above)


def is_labelled_identifier(text: str, start: int) -> bool:
    """True when the label before ``text[start:]`` names an identifier, not a phone."""
    return _label_kind(_label_words(text, start)) == "id"
