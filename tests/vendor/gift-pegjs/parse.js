// Read GIFT text on stdin, print gift-pegjs's parse of it as JSON (used by the export tests).
const { parse } = require("./gift-parser.js");
let text = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { text += chunk; });
process.stdin.on("end", () => { process.stdout.write(JSON.stringify(parse(text))); });
