"""Sub-commands of the `easyclick2call` command line, one module per group."""
