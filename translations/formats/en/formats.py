# Dates written out for families: "December 3, 2026".
DATE_FORMAT = "F j, Y"
