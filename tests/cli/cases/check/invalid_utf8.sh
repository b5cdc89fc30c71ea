printf "Skills: Python, PyTorch \377 SQL\n" | { $SM check --today 2026-11 -f json -; echo "exit=$?"; } 2>&1 | head -4
