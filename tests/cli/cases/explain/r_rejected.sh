printf "Led R&D for the plant.\nSigned, R. Smith\nLanguages: Python, R, SQL\n" | $SM explain - r_lang 
