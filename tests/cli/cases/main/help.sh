$SM --help | head -3
