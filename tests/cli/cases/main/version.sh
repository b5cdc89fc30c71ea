$SM --version
