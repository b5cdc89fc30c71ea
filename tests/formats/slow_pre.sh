#!/bin/sh
# a converter that hangs: --timeout must stop it (tests/formats/run.sh)
sleep 30
