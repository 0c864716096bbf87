#!/usr/bin/env python3
"""Trunk post-build hook: adds the page's Content-Security-Policy.

Trunk writes an inline module script that loads the wasm; its text changes
with every build (file names carry content hashes), so its SHA-256 is
computed here and allowed by hash. Nothing else inline is allowed: no
'unsafe-inline', no 'unsafe-eval' ('wasm-unsafe-eval' only lets the page
compile its own WebAssembly).
"""
import base64
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
path = os.path.join(staging, "index.html")
with open(path, encoding="utf-8") as f:
    html = f.read()

scripts = re.findall(r"<script(?:\s[^>]*)?>(.*?)</script>", html, flags=re.S)
hashes = " ".join(
    "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") for s in scripts if s.strip()
)
policy = "; ".join(
    [
        "default-src 'none'",
        f"script-src 'self' 'wasm-unsafe-eval' {hashes}".strip(),
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
)
meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}" />'
html = re.sub(r'\s*<meta http-equiv="?Content-Security-Policy"?[^>]*>', "", html)
# A minified page (trunk --minify) writes `<meta charset=utf-8>`.
html, n = re.subn(r'(<meta charset="?utf-8"? */?>)', r"\1\n    " + meta.replace("\\", "\\\\"), html, count=1, flags=re.I)
if n != 1:
    sys.exit("csp.py: no <meta charset> in index.html to put the policy after")
with open(path, "w", encoding="utf-8") as f:
    f.write(html)
print(f"csp.py: policy with {len(scripts)} inline script hash(es) written to {path}")
