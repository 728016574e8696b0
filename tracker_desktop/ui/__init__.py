"""The PySide6 front end: the main window, its table model, dialogs and icons."""
