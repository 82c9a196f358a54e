DATE_FORMAT = "j F Y"  # 5 december 2026
DATETIME_FORMAT = "j F Y H:i"  # 5 december 2026 14:30
