# explain takes the group ids screen's TOP GAPS column prints and display
# names in any case, besides skill ids
$SM screen --today 2026-11 -q -f tsv corpus/resumes/mid.txt | cut -f7
$SM explain corpus/resumes/mid.txt ml_expertise | grep -v '^  \(exclusion\|triggers\|  \)'
$SM explain corpus/resumes/mid.txt cloud | head -4
echo "== display names"
$SM explain corpus/resumes/mid.txt PyTorch | head -1
$SM explain corpus/resumes/mid.txt 'pYTORCH' | tail -1
$SM explain corpus/resumes/mid.txt 'google cloud platform (gcp)' | head -1
