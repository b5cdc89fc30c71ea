$SM check --frobnicate x.txt
