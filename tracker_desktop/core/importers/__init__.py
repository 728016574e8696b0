"""Reading other trackers' files (and this product's own JSON export) as plain entries.

Each format has its reader module; ``formats`` detects the format and finds a program's
default data; ``core/importing.py`` writes what the readers yield, in one transaction.
"""
