"""Amounts and rates in the user's locale: its digit grouping, decimal mark and where the
currency symbol goes, from exact decimals (never through a binary float)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from PySide6.QtCore import QLocale

from tracker_desktop.core.money import MINOR_UNITS

# Symbols that name one currency wherever they are read; others ("$", "kr") show the code
# unless the currency is the locale's own.
_SYMBOLS = {"EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "KRW": "₩", "ILS": "₪", "UAH": "₴"}
_MARK = "¤"
_SPACE = "\N{NO-BREAK SPACE}"


def money_text(amount: Decimal, currency: str, locale: QLocale | None = None) -> str:
    """``amount`` of ``currency`` as the locale writes money (``€1,234.50``,
    ``1.234,50 €``), rounded half-up to the currency's minor unit."""
    locale = locale or QLocale()
    number = number_text(amount, currency, locale)
    prefix, suffix = _pattern(locale.name())
    sign = symbol(currency, locale)
    if sign.isalpha():  # a code is never glued to the digits: "USD 80.00", "80,00 USD"
        prefix = prefix.replace(_MARK, _MARK + _SPACE) if prefix.endswith(_MARK) else prefix
        suffix = suffix.replace(_MARK, _SPACE + _MARK) if suffix.startswith(_MARK) else suffix
    return prefix.replace(_MARK, sign) + number + suffix.replace(_MARK, sign)


def number_text(amount: Decimal, currency: str, locale: QLocale | None = None) -> str:
    """``amount`` as the locale writes its number, to the currency's minor unit and
    without the currency (``1,234.50``): for a column whose heading names the currency."""
    locale = locale or QLocale()
    digits = MINOR_UNITS.get(currency, 2)
    exact = amount.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    whole, _, fraction = format(abs(exact), "f").partition(".")
    number = locale.toString(int(whole))
    if fraction:
        number += locale.decimalPoint() + _native(fraction, locale)
    if exact < 0:
        number = locale.negativeSign() + number
    return number


def symbol(currency: str, locale: QLocale | None = None) -> str:
    """How ``currency`` is written next to an amount in this locale."""
    locale = locale or QLocale()
    if currency == locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode):
        return locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencySymbol)
    return _SYMBOLS.get(currency, currency)


def _native(ascii_digits: str, locale: QLocale) -> str:
    zero = locale.zeroDigit()
    if zero == "0" or len(zero) != 1:
        return ascii_digits
    return "".join(chr(ord(zero) + int(d)) for d in ascii_digits)


@cache
def _pattern(locale_name: str) -> tuple[str, str]:
    """What the locale writes before and after the number of an amount (the symbol as
    ``¤``), read from its own rendering of zero."""
    locale = QLocale(locale_name)
    if locale.language() == QLocale.Language.C:
        return _MARK, ""  # (which writes "0¤")
    sample = locale.toCurrencyString(0.0, _MARK, 0)
    zero = locale.toString(0)
    at = sample.find(zero)
    if at < 0:
        return _MARK + _SPACE, ""
    return sample[:at], sample[at + len(zero) :]
