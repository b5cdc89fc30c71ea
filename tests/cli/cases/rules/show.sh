$SM rules show cpp
