$SM frob
