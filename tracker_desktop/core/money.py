"""Money: hourly rates, currencies and amounts, in exact decimals (never binary floats).

An amount is computed exactly and rounded half-up to the currency's minor unit once, for
the line it is shown on: sums are kept in rate-seconds (seconds × hourly rate, a finite
decimal), and divided by 3600 only at that rounding, so no digit is lost on the way.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from tracker_desktop.core.errors import InvalidInputError

# ISO 4217 active codes and their minor units (digits after the decimal point).
_MINOR_UNITS_TEXT = """
AED 2 AFN 2 ALL 2 AMD 2 ANG 2 AOA 2 ARS 2 AUD 2 AWG 2 AZN 2 BAM 2 BBD 2 BDT 2 BGN 2
BHD 3 BIF 0 BMD 2 BND 2 BOB 2 BOV 2 BRL 2 BSD 2 BTN 2 BWP 2 BYN 2 BZD 2 CAD 2 CDF 2
CHE 2 CHF 2 CHW 2 CLF 4 CLP 0 CNY 2 COP 2 COU 2 CRC 2 CUP 2 CVE 2 CZK 2 DJF 0 DKK 2
DOP 2 DZD 2 EGP 2 ERN 2 ETB 2 EUR 2 FJD 2 FKP 2 GBP 2 GEL 2 GHS 2 GIP 2 GMD 2 GNF 0
GTQ 2 GYD 2 HKD 2 HNL 2 HTG 2 HUF 2 IDR 2 ILS 2 INR 2 IQD 3 IRR 2 ISK 0 JMD 2 JOD 3
JPY 0 KES 2 KGS 2 KHR 2 KMF 0 KPW 2 KRW 0 KWD 3 KYD 2 KZT 2 LAK 2 LBP 2 LKR 2 LRD 2
LSL 2 LYD 3 MAD 2 MDL 2 MGA 2 MKD 2 MMK 2 MNT 2 MOP 2 MRU 2 MUR 2 MVR 2 MWK 2 MXN 2
MXV 2 MYR 2 MZN 2 NAD 2 NGN 2 NIO 2 NOK 2 NPR 2 NZD 2 OMR 3 PAB 2 PEN 2 PGK 2 PHP 2
PKR 2 PLN 2 PYG 0 QAR 2 RON 2 RSD 2 RUB 2 RWF 0 SAR 2 SBD 2 SCR 2 SDG 2 SEK 2 SGD 2
SHP 2 SLE 2 SOS 2 SRD 2 SSP 2 STN 2 SVC 2 SYP 2 SZL 2 THB 2 TJS 2 TMT 2 TND 3 TOP 2
TRY 2 TTD 2 TWD 2 TZS 2 UAH 2 UGX 0 USD 2 USN 2 UYI 0 UYU 2 UYW 4 UZS 2 VED 2 VES 2
VND 0 VUV 0 WST 2 XAF 0 XCD 2 XCG 2 XOF 0 XPF 0 YER 2 ZAR 2 ZMW 2 ZWG 2
"""
MINOR_UNITS: dict[str, int] = dict(
    (code, int(digits)) for code, digits in zip(*[iter(_MINOR_UNITS_TEXT.split())] * 2, strict=True)
)
FALLBACK_CURRENCY = "EUR"
MAX_RATE = Decimal("1000000")
_RATE_TEXT = re.compile(r"\d{1,7}(?:[.,]\d{1,4})?")


def parse_currency(text: str, *, what: str = "--currency") -> str:
    """An ISO 4217 code (any case in, upper case out); anything else is invalid input."""
    code = text.strip().upper()
    if code not in MINOR_UNITS:
        raise InvalidInputError(
            f"{what}: {text!r} is not a currency code (ISO 4217, such as EUR, USD, GBP)",
            field="currency",
        )
    return code


def parse_rate(text: str, *, what: str = "--rate") -> Decimal:
    """An hourly rate: a number of at most four decimals from 0 to a million, written
    with a point or a comma (``80``, ``80.50``, ``80,5``)."""
    cleaned = text.strip()
    if not _RATE_TEXT.fullmatch(cleaned):
        raise InvalidInputError(
            f"{what}: {text!r} is not an hourly rate (a number such as 80 or 80.50, "
            "not negative, at most four decimals)",
            field="rate",
        )
    rate = Decimal(cleaned.replace(",", "."))
    if rate > MAX_RATE:
        raise InvalidInputError(f"{what}: {text!r} is more than {MAX_RATE} an hour", field="rate")
    return normalized(rate)


def normalized(value: Decimal) -> Decimal:
    """``value`` without trailing zeros (``80.50`` → ``80.5``), never in exponent form."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Decimal(text)


def rate_from_text(text: str | None) -> Decimal | None:
    """A rate as stored (canonical decimal text), or None."""
    if text is None:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def rate_seconds(seconds: int, rate: Decimal) -> Decimal:
    """What ``seconds`` at ``rate`` an hour earn, times 3600: exact, and exact to add up."""
    return Decimal(seconds) * rate


def rounded(earned: Decimal, currency: str) -> Decimal:
    """The amount of ``earned`` rate-seconds, rounded half-up to the currency's minor
    unit (once per shown line)."""
    digits = MINOR_UNITS.get(currency, 2)
    exact = earned / Decimal(3600)  # finite, or repeating: never exactly on a half
    return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def amount_text(earned: Decimal, currency: str) -> str:
    """An amount as JSON carries it: rounded, as a string (``"160.00"``)."""
    return format(rounded(earned, currency), "f")


def locale_currency() -> str:
    """The currency of the user's locale (LC_MONETARY), else EUR."""
    import locale

    try:
        previous = locale.setlocale(locale.LC_MONETARY)
        try:
            locale.setlocale(locale.LC_MONETARY, "")
            code = str(locale.localeconv().get("int_curr_symbol", "")).strip()
        finally:
            locale.setlocale(locale.LC_MONETARY, previous)
    except locale.Error:
        return FALLBACK_CURRENCY
    return code if code in MINOR_UNITS else FALLBACK_CURRENCY
