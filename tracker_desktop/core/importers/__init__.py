"""Reading other trackers' files (and this product's own JSON export) as plain entries.

Each format has its reader module; ``formats`` detects the format and finds a program's
default data; ``core/importing.py`` writes what the readers yield, in one transaction.
"""

# The formats' names, here so the command line's parser names them without loading a reader.
FORMATS = ("toggl-csv", "clockify-csv", "watson", "timewarrior", "json")
