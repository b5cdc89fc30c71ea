# every weight and family of the job key cites the articles
d=$(mktemp -d); cp rules/*.yaml corpus/facts.yaml "$d"
sed -i '/source: \["000:42", "000:49"\]/d' "$d/job.yaml"
{ $SM rules check "$d"; echo "exit=$?"; } 2>&1 | sed "s#$d#RULES#"
cp rules/job.yaml "$d"; sed -i 's/source: "000:71"$/source: "000:7"/' "$d/job.yaml"
{ $SM rules check "$d"; echo "exit=$?"; } 2>&1 | sed "s#$d#RULES#"
cp rules/job.yaml "$d"; sed -i 's/skills: \[docker, kubernetes\]/skills: [docker, podman]/' "$d/job.yaml"
{ $SM rules check "$d"; echo "exit=$?"; } 2>&1 | sed "s#$d#RULES#"
rm -rf "$d"
