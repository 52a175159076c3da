"""Units of measure and currencies as written, with the pint expression each one stands for."""

from __future__ import annotations

# ---------------------------------------------------------------- units of measure

# Symbols are matched case-sensitively ("MB" megabyte vs "mb" millibar); value = pint expression
# (None: recognised as a unit but not normalised, e.g. logarithmic or domain-specific units).
UNIT_SYMBOLS: dict[str, str | None] = {
    # length
    "km": "kilometer", "cm": "centimeter", "mm": "millimeter", "nm": "nanometer", "μm": "micrometer",
    "µm": "micrometer", "mi": "mile", "ft": "foot", "yd": "yard", "yds": "yard", "″": "inch",
    # area / volume
    "km2": "kilometer**2", "km²": "kilometer**2", "m2": "meter**2", "m²": "meter**2",
    "sq m": "meter**2", "sq km": "kilometer**2", "sq ft": "foot**2", "sq mi": "mile**2",
    "sq. m": "meter**2", "sq. ft": "foot**2", "sqm": "meter**2", "sqft": "foot**2",
    "m3": "meter**3", "m³": "meter**3", "ml": "milliliter", "mL": "milliliter", "cl": "centiliter",
    "cc": "cubic_centimeter", "bbl": "oil_barrel", "gal": "gallon", "bpd": "oil_barrel/day",
    "bcm": "1e9 * meter**3", "mmBtu": None, "MMBtu": None, "mmBTU": None, "MMBTU": None,
    # mass
    "kg": "kilogram", "mg": "milligram", "μg": "microgram", "µg": "microgram", "lb": "pound",
    "lbs": "pound", "oz": "ounce", "kt": "kilotonne", "Mt": "megatonne",
    # time
    "sec": "second", "secs": "second", "min": "minute", "mins": "minute", "hr": "hour", "hrs": "hour",
    "yr": "year", "yrs": "year", "ms": "millisecond",
    # speed / rates
    "mph": "mile/hour", "km/h": "kilometer/hour", "km/hr": "kilometer/hour", "kmh": "kilometer/hour",
    "kph": "kilometer/hour", "kmph": "kilometer/hour", "m/s": "meter/second", "mpg": "mile/gallon",
    "rpm": "revolutions_per_minute",
    # temperature
    "°C": "degC", "ºC": "degC", "°F": "degF", "ºF": "degF", "℃": "degC", "℉": "degF",
    # energy / power / electricity
    "W": "watt", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "TW": "terawatt", "mW": "milliwatt",
    "Wh": "watt_hour", "kWh": "kilowatt_hour", "MWh": "megawatt_hour", "GWh": "gigawatt_hour",
    "TWh": "terawatt_hour", "hp": "horsepower", "bhp": "horsepower", "PS": "metric_horsepower",
    "kJ": "kilojoule", "MJ": "megajoule", "kcal": "kilocalorie", "BTU": "btu", "mAh": "milliampere_hour",
    "Ah": "ampere_hour", "V": "volt", "kV": "kilovolt", "mA": "milliampere", "Ω": "ohm",
    "A/cm2": "ampere/centimeter**2",
    # pressure / frequency / force
    "Pa": "pascal", "kPa": "kilopascal", "MPa": "megapascal", "GPa": "gigapascal", "hPa": "hectopascal",
    "psi": "psi", "mbar": "millibar", "atm": "atmosphere", "Hz": "hertz", "kHz": "kilohertz",
    "MHz": "megahertz", "GHz": "gigahertz", "HZ": "hertz", "Nm": "newton*meter", "lb-ft": "foot*force_pound",
    "lb ft": "foot*force_pound",
    # data
    "KB": "kilobyte", "kB": "kilobyte", "MB": "megabyte", "GB": "gigabyte", "TB": "terabyte",
    "PB": "petabyte", "Mbps": "megabit/second", "Gbps": "gigabit/second", "kbps": "kilobit/second",
    "Mb/s": "megabit/second", "Gb/s": "gigabit/second",
    # other
    "dB": None, "ppm": "ppm", "ppb": None, "bps": None, "bp": None, "pp": None,
}
# Short, ambiguous symbols are units only glued to the number ("37m", "45g", "5ft 10in"); the
# letters in SPACED_SINGLE_LETTERS also when spaced before a non-letter ("a 5 W charger").
GLUED_ONLY_UNITS: dict[str, str | None] = {
    "m": "meter", "g": "gram", "l": "liter", "L": "liter", "t": "tonne", "h": "hour", "s": "second",
    "W": "watt", "V": "volt", "A": "ampere", "C": "degC", "F": "degF", "J": "joule",
    "N": "newton", "in": "inch", "ha": "hectare",
}
SPACED_SINGLE_LETTERS = frozenset({"m", "g", "W", "V", "C", "F"})

# Words, singular: matched case-insensitively, in every number (UNIT_WORDS adds the plurals).
UNIT_WORD_SINGULARS: dict[str, str | None] = {
    "kilometre": "kilometer", "kilometer": "kilometer", "metre": "meter", "meter": "meter",
    "centimetre": "centimeter", "centimeter": "centimeter", "millimetre": "millimeter",
    "millimeter": "millimeter", "nanometre": "nanometer", "nanometer": "nanometer",
    "micrometre": "micrometer", "micrometer": "micrometer", "micron": "micrometer", "mile": "mile",
    "nautical mile": "nautical_mile", "light year": "light_year", "light-year": "light_year",
    "yard": "yard", "inch": "inch", "square metre": "meter**2", "square meter": "meter**2",
    "square kilometre": "kilometer**2", "square kilometer": "kilometer**2", "square mile": "mile**2",
    "square foot": "foot**2", "square feet": "foot**2", "acre": "acre", "hectare": "hectare",
    "cubic metre": "meter**3", "cubic meter": "meter**3", "cubic foot": "foot**3", "cubic feet": "foot**3",
    "litre": "liter", "liter": "liter", "millilitre": "milliliter", "milliliter": "milliliter",
    "gallon": "gallon", "pint": "pint", "quart": "quart", "fluid ounce": "fluid_ounce",
    "barrel": "oil_barrel", "kilogram": "kilogram", "kilo": "kilogram", "gram": "gram",
    "milligram": "milligram", "microgram": "microgram", "tonne": "tonne", "metric ton": "tonne",
    "ton": "ton", "ounce": "ounce", "pound": "pound", "carat": "carat",
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
    "month": "month", "year": "year", "decade": "10 * year", "century": "100 * year",
    "millennium": "1000 * year", "fortnight": "fortnight",
    "knot": "knot", "mile per hour": "mile/hour", "miles an hour": "mile/hour",
    "kilometre per hour": "kilometer/hour", "kilometer per hour": "kilometer/hour",
    "mile per gallon": "mile/gallon",
    "degree celsius": "degC", "degree centigrade": "degC", "degree fahrenheit": "degF",
    "degree c": "degC", "degree f": "degF", "celsius": "degC", "centigrade": "degC", "fahrenheit": "degF",
    "degree": "degree", "kelvin": "kelvin",
    "watt": "watt", "kilowatt": "kilowatt", "megawatt": "megawatt", "gigawatt": "gigawatt",
    "terawatt": "terawatt", "kilowatt hour": "kilowatt_hour", "kilowatt-hour": "kilowatt_hour",
    "megawatt hour": "megawatt_hour", "megawatt-hour": "megawatt_hour", "gigawatt hour": "gigawatt_hour",
    "gigawatt-hour": "gigawatt_hour", "terawatt hour": "terawatt_hour", "terawatt-hour": "terawatt_hour",
    "horsepower": "horsepower", "joule": "joule", "calorie": "kilocalorie", "kilocalorie": "kilocalorie",
    "volt": "volt", "amp": "ampere", "ampere": "ampere", "ohm": "ohm",
    "pascal": "pascal", "kilopascal": "kilopascal", "megapascal": "megapascal",
    "gigapascal": "gigapascal", "bar": "bar", "millibar": "millibar", "hertz": "hertz",
    "newton": "newton", "newton metre": "newton*meter", "newton meter": "newton*meter",
    "pound-foot": "foot*force_pound", "pound-feet": "foot*force_pound", "foot-pound": "foot*force_pound",
    "byte": "byte", "kilobyte": "kilobyte", "megabyte": "megabyte", "gigabyte": "gigabyte",
    "terabyte": "terabyte", "petabyte": "petabyte", "bit": "bit", "megabit": "megabit",
    "gigabit": "gigabit", "decibel": None, "basis point": None, "part per million": "ppm",
    "part per billion": None, "calibre": None,
}
# Ages and "N-year-old" forms: read as a duration ("50 year-old" -> 50, unit year-old).
AGE_UNITS: dict[str, str] = {
    "year-old": "year", "years-old": "year", "month-old": "month", "months-old": "month", "week-old": "week",
    "weeks-old": "week", "day-old": "day", "days-old": "day", "year old": "year", "years old": "year",
    "month old": "month", "months old": "month",
}

# Time units, so a "five-year plan" can be told apart from "five years".
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
                        "millennium", "fortnight", "millisecond"})

# Denominators accepted after "per", "/" or "a"/"an" ("$58 per barrel", "$3,500 a month").
RATE_DENOMINATORS = frozenset("""
barrel share gallon ounce gram kilogram kg pound lb tonne ton square sq hour day week month year
annum capita person head litre liter mile kilometre kilometer km night game minute second unit
mmbtu btu kwh mwh megawatt-hour kilowatt-hour metre meter foot feet acre hectare cent seat ticket
copy pill dose visit user customer household passenger flight trip mile item piece
""".split())
TIME_DENOMINATORS = frozenset({"hour", "day", "week", "month", "year", "annum", "night", "minute", "second"})

# ---------------------------------------------------------------- currencies

# ISO code -> the currency's name as a counted noun (plural).
CURRENCY_NAMES: dict[str, str] = {
    "USD": "dollars", "AUD": "Australian dollars", "CAD": "Canadian dollars", "NZD": "New Zealand dollars",
    "HKD": "Hong Kong dollars", "SGD": "Singapore dollars", "TWD": "Taiwan dollars", "GBP": "pounds",
    "EUR": "euros", "JPY": "yen", "CNY": "yuan", "INR": "rupees", "PKR": "rupees", "ILS": "shekels",
    "CHF": "francs", "DKK": "kroner", "SEK": "kronor", "NOK": "kroner", "RUB": "roubles", "KRW": "won",
    "MYR": "ringgit", "ZAR": "rand", "BRL": "reais", "MXN": "pesos", "PHP": "pesos", "TRY": "lira",
    "NGN": "naira", "THB": "baht", "IDR": "rupiah", "PLN": "zlotys", "AED": "dirhams", "SAR": "riyals",
    "EGP": "pounds", "KES": "shillings", "HRK": "kuna", "CZK": "korunas", "HUF": "forints",
    "UAH": "hryvnias", "IQD": "dinars", "IRR": "rials", "XBT": "bitcoins", "ARS": "pesos",
}
# Written in front of the amount (case-sensitive). "$" alone is read as US dollars.
CURRENCY_PREFIXES: dict[str, str] = {
    "$": "USD", "US$": "USD", "US $": "USD", "U.S. $": "USD", "U.S.$": "USD", "$US": "USD", "USD": "USD",
    "A$": "AUD", "AU$": "AUD", "$A": "AUD", "AUD": "AUD", "C$": "CAD", "CA$": "CAD", "Can$": "CAD",
    "CAD": "CAD", "NZ$": "NZD", "NZD": "NZD", "HK$": "HKD", "HK $": "HKD", "HKD": "HKD", "S$": "SGD",
    "SGD": "SGD", "NT$": "TWD", "£": "GBP", "GBP": "GBP", "€": "EUR", "EUR": "EUR", "¥": "JPY",
    "JPY": "JPY", "Y=": "JPY", "CN¥": "CNY", "RMB": "CNY", "CNY": "CNY", "₹": "INR", "Rs": "INR",
    "Rs.": "INR", "INR": "INR", "RM": "MYR", "R$": "BRL", "CHF": "CHF", "SFr": "CHF", "₩": "KRW",
    "₪": "ILS", "NIS": "ILS", "₽": "RUB", "₺": "TRY", "₦": "NGN", "฿": "THB", "KSh": "KES", "Ksh": "KES",
    "PS": "GBP", "₿": "XBT",
}
# Written after the amount (case-insensitive words; each may carry a nationality adjective).
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD", "us dollar": "USD",
    "australian dollars": "AUD", "australian dollar": "AUD", "canadian dollars": "CAD",
    "canadian dollar": "CAD", "new zealand dollars": "NZD", "hong kong dollars": "HKD",
    "singapore dollars": "SGD", "taiwan dollars": "TWD", "euro": "EUR", "euros": "EUR",
    "pounds sterling": "GBP", "sterling": "GBP", "british pounds": "GBP", "yen": "JPY",
    "japanese yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "rupee": "INR",
    "indian rupees": "INR", "pakistani rupees": "PKR", "shekels": "ILS", "shekel": "ILS",
    "new shekels": "ILS", "swiss francs": "CHF", "francs": "CHF", "danish crowns": "DKK",
    "danish kroner": "DKK", "swedish crowns": "SEK", "swedish kronor": "SEK", "kronor": "SEK",
    "norwegian crowns": "NOK", "norwegian kroner": "NOK", "kroner": "DKK", "crowns": "DKK",
    "roubles": "RUB", "rubles": "RUB", "won": "KRW", "ringgit": "MYR", "rand": "ZAR", "reais": "BRL",
    "pesos": "MXN", "mexican pesos": "MXN", "philippine pesos": "PHP", "argentine pesos": "ARS",
    "lira": "TRY", "turkish lira": "TRY", "naira": "NGN", "baht": "THB", "rupiah": "IDR",
    "zlotys": "PLN", "zloty": "PLN", "dirhams": "AED", "riyals": "SAR", "shillings": "KES",
    "kuna": "HRK", "forints": "HUF", "hryvnias": "UAH", "dinars": "IQD", "rials": "IRR",
    "bitcoin": "XBT", "bitcoins": "XBT",
}
# Codes/symbols written after the amount ("110 JPY", "1,200€", "$76 US").
CURRENCY_SUFFIX_CODES: dict[str, str] = {
    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CHF": "CHF", "CNY": "CNY", "AUD": "AUD",
    "CAD": "CAD", "HKD": "HKD", "INR": "INR", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
    "US": "USD", "U.S.": "USD",
}
# Sub-units of a currency: (unit as written in output, parent ISO code, counted noun).
CURRENCY_SUBUNITS: dict[str, tuple[str, str, str]] = {
    "cents": ("cents", "USD", "cents"), "cent": ("cents", "USD", "cents"), "¢": ("cents", "USD", "cents"),
    "pence": ("p", "GBP", "pence"), "penny": ("p", "GBP", "pence"), "p": ("p", "GBP", "pence"),
    "sen": ("sen", "MYR", "sen"),
}
