#!/usr/bin/env node
require("../dist/ratecard.cjs");
