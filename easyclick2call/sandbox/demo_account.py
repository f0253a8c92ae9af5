"""The sandbox's seeded demo account: fixed names and credentials, and nothing to import.

Kept apart from sandbox.state so that the demo mode can seed its settings without loading the
emulator (see sandbox.lazy)."""

from __future__ import annotations

# Fixed demo credentials (tests and the demo mode rely on them; they open nothing but the sandbox).
DEMO_APPLICATION_KEY = "ec2cDemoAppKey01"
DEMO_APPLICATION_SECRET = "ec2cDemoApplicationSecret0000001"
DEMO_APPLICATION_NAME = "EasyClick2Call demo"
DEMO_CONSUMER_KEY = "ec2cDemoConsumerKeyValidated0001"
DEMO_CLIENT_ID = "EU.ec2cdemoclient01"
DEMO_CLIENT_SECRET = "ec2cDemoClientSecret000000000001"
DEMO_BILLING_ACCOUNT = "ab12345-ovh-1"
# 01 99 00 xx xx is a French range set aside for fiction: these lines cannot ring anyone.
DEMO_LINES = (("0033199000001", "Reception"), ("0033199000002", "Sales desk"))
DEMO_USER_ID = 123456
DEMO_USER_LOGIN = "reception"
DEMO_USER_PASSWORD = "Demo-pass1"
# The demo consumer key's rules: the app's own least-privilege set (ovhapi.consumer_key's
# ACCESS_RULES, copied: the sandbox imports nothing from the client side; keep them in step).
DEMO_RULES = [
    {"method": method, "path": path}
    for method, path in (
        ("GET", "/me"),
        ("GET", "/auth/currentCredential"),
        ("GET", "/telephony"),
        ("GET", "/telephony/*"),
        ("POST", "/telephony/*/line/*/click2Call"),
        ("POST", "/telephony/*/line/*/click2CallUser"),
        ("DELETE", "/telephony/*/line/*/click2CallUser/*"),
        ("POST", "/telephony/*/line/*/click2CallUser/*/changePassword"),
        ("POST", "/telephony/*/line/*/click2CallUser/*/click2Call"),
        ("POST", "/telephony/*/eventToken"),
        ("DELETE", "/telephony/*/eventToken"),
    )
]
