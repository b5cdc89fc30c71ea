$SM rules list
