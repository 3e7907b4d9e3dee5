# Fechas escritas para las familias: "3 de diciembre de 2026".
DATE_FORMAT = r"j \d\e F \d\e Y"
