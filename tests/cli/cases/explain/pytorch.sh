$SM explain corpus/resumes/mid.txt pytorch 
