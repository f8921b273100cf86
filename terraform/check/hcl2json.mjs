// Prints every .tf and .tfvars file under the folder given (terraform/) as one JSON object: relative path -> the file as JSON,
// expressions kept as "${...}" strings. A file that is not valid HCL fails the run with the parser's message.
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { parse } from "@cdktf/hcl2json";

const root = process.argv[2] ?? "..";

async function tfFiles(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules" || entry.name === "check") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await tfFiles(path)));
    else if (entry.name.endsWith(".tf") || entry.name.endsWith(".tfvars")) found.push(path);
  }
  return found.sort();
}

const out = {};
for (const file of await tfFiles(root)) {
  const name = relative(root, file);
  try {
    out[name] = await parse(name, await readFile(file, "utf8"));
  } catch (e) {
    console.error(`${name}: ${e.message ?? e}`);
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(out));
