"""The pages of the Settings dialog (one module per page) and the widgets they share."""
