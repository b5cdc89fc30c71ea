$SM check
