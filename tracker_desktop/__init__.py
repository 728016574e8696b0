"""Tracker Desktop: a desktop time tracker for freelancers."""

__version__ = "0.1.0"
APP_NAME = "tracker-desktop"
