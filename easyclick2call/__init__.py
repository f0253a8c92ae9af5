"""EasyClick2Call: copy a phone number, click Call, and OVHcloud rings your own line first."""

__version__ = "0.1.0"
APP_NAME = "EasyClick2Call"
APP_ID = "io.github.easyclick2call.EasyClick2Call"
