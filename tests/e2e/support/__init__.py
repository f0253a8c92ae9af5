"""Helpers of the end-to-end tests, also used by the app benchmarks and screenshots."""
