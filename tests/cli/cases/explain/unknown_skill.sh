$SM explain corpus/resumes/mid.txt cobol
