"""The Qt-free heart of Tracker Desktop: storage, time rules, periods and the service.

Nothing in this package may import PySide6; the command line runs on it alone.
"""
