#!/usr/bin/env python3
"""Small hostile PDFs for the pdf extractor (plugins/pdf), written next to this script.

    python3 tests/data/pdf-hostile/make.py [OUTDIR]

Standard library only. Every file is a syntactically valid PDF (correct xref
offsets, %%EOF at the end) so poppler takes the normal path, not its repair path.

  shared_stream.pdf        2000 pages, every /Contents -> ONE FlateDecode stream
                           (~200 KB of text-drawing operators, ~6 KB compressed)
  shared_stream_500.pdf    the same with 500 pages (under every limit, but slow)
  shared_bomb.pdf          2000 pages sharing one stream that inflates 9 KB -> 10 MB
                           (mostly whitespace, a few Tj): 20 GB of inflating in all
  bomb_single.pdf          1 page, one stream inflating ~1 MB -> 1 GB (spaces)
  shared_dup.pdf           2000 pages sharing one 200 KB stream that draws the SAME
                           line at the same spot ~2400 times: poppler drops the
                           duplicates, so each page yields 54 bytes of text but
                           costs ~0.5 s (no output limit ever fires)
  contents_array.pdf       1 page whose /Contents is an array of 10 references
                           to the same 200 KB stream (2 MB of operators, 1 page)
  pagetree_loop.pdf        /Kids of the root points back at the root
  pagetree_loop2.pdf       two /Pages nodes whose /Kids point at each other,
                           /Count 2000
  objstm_self.pdf          xref stream: the object stream's own entry says it
                           lives inside itself (type 2 entry)
  objstm_length_loop.pdf   the object stream's /Length is an object stored in
                           that same object stream
  objstm_extends_loop.pdf  two object streams whose /Extends point at each other,
                           page objects inside them
"""
import os
import sys
import zlib

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))


def text_ops(target_bytes):
    """Text-drawing operators, lines walking down the page and wrapping."""
    words = ("Kommunstyrelsen beslutar att uppdra at forvaltningen att utreda "
             "fragan om kompetensforsorjning i lanet och aterkomma").split()
    out = [b"BT /F1 9 Tf 40 800 Td 11 TL\n"]
    size = len(out[0])
    i = 0
    while size < target_bytes:
        line = " ".join(words[(i + k) % len(words)] for k in range(8))
        op = b"(" + line.encode() + b" %d) '\n" % i
        if i % 70 == 69:
            op += b"ET BT /F1 9 Tf 40 800 Td 11 TL\n"
        out.append(op)
        size += len(op)
        i += 1
    out.append(b"ET\n")
    return b"".join(out)


def bomb_ops(target_bytes):
    """A few text lines, then megabytes of whitespace (compresses ~1000:1)."""
    head = b"BT /F1 9 Tf 40 800 Td 11 TL\n" + b"".join(
        b"(Bomb line %d) '\n" % i for i in range(20)) + b"ET\n"
    return head + b" " * max(0, target_bytes - len(head))


def compress_spaces(n):
    """zlib stream of n spaces without holding n bytes in memory."""
    c = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    parts = []
    left = n
    while left > 0:
        take = min(left, len(chunk))
        parts.append(c.compress(chunk[:take]))
        left -= take
    parts.append(c.flush())
    return b"".join(parts)


class Pdf:
    """Objects numbered from 1; write() emits a classic xref table."""

    def __init__(self):
        self.objs = {}

    def add(self, num, body):
        self.objs[num] = body if isinstance(body, bytes) else body.encode()

    def stream(self, num, data, extra=b"", compress=True, precompressed=False):
        if precompressed:
            raw, filt = data, b"/Filter /FlateDecode "
        elif compress:
            raw, filt = zlib.compress(data, 9), b"/Filter /FlateDecode "
        else:
            raw, filt = data, b""
        self.objs[num] = (b"<< " + filt + b"/Length %d " % len(raw) + extra + b">>\nstream\n" +
                          raw + b"\nendstream")

    def write(self, path, root=1):
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        n = max(self.objs) + 1
        offsets = [0] * n
        for num in sorted(self.objs):
            offsets[num] = len(out)
            out += b"%d 0 obj\n" % num + self.objs[num] + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % n
        for num in range(1, n):
            if num in self.objs:
                out += b"%010d 00000 n \n" % offsets[num]
            else:
                out += b"0000000000 65535 f \n"
        out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (n, root, xref)
        with open(path, "wb") as f:
            f.write(out)
        return len(out)


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
RES = b"/Resources << /Font << /F1 4 0 R >> >>"


def dup_ops(target_bytes):
    """One line drawn at the same position over and over."""
    line = b"BT /F1 9 Tf 40 800 Td (Kommunstyrelsen beslutar att uppdra at forvaltningen) Tj ET\n"
    return line * (target_bytes // len(line))


def shared_pages(path, pages, content_num_data, precompressed=False):
    """1 catalog, 2 pages root, 3 shared content stream, 4 font, 5.. pages."""
    p = Pdf()
    first = 5
    kids = b" ".join(b"%d 0 R" % (first + i) for i in range(pages))
    p.add(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    p.add(2, b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages)
    p.stream(3, content_num_data, precompressed=precompressed)
    p.add(4, FONT)
    for i in range(pages):
        p.add(first + i, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " + RES +
              b" /Contents 3 0 R >>")
    return p.write(path)


def contents_array(path, refs, data):
    p = Pdf()
    p.add(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    p.add(2, b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>")
    p.stream(3, data)
    p.add(4, FONT)
    arr = b" ".join([b"3 0 R"] * refs)
    p.add(5, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " + RES +
          b" /Contents [" + arr + b"] >>")
    return p.write(path)


def pagetree_loop(path):
    p = Pdf()
    p.add(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    p.add(2, b"<< /Type /Pages /Kids [5 0 R 2 0 R] /Count 2000 >>")
    p.stream(3, text_ops(2000))
    p.add(4, FONT)
    p.add(5, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " + RES + b" /Contents 3 0 R >>")
    return p.write(path)


def pagetree_loop2(path):
    p = Pdf()
    p.add(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    p.add(2, b"<< /Type /Pages /Kids [5 0 R 6 0 R] /Count 2000 >>")
    p.stream(3, text_ops(2000))
    p.add(4, FONT)
    p.add(5, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " + RES + b" /Contents 3 0 R >>")
    p.add(6, b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 6 0 R 5 0 R] /Count 1999 >>")
    return p.write(path)


def xref_stream_pdf(path, objs, compressed, root=1):
    """objs: {num: bytes} written as ordinary objects; compressed: {num: (stream_num, index)}.
    Ends with an xref stream (PDF 1.5) that lists both kinds."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    xnum = max(list(objs) + list(compressed)) + 1
    offsets[xnum] = len(out)
    rows = bytearray()
    for num in range(xnum + 1):
        if num in compressed:
            s, idx = compressed[num]
            rows += bytes([2]) + s.to_bytes(4, "big") + idx.to_bytes(2, "big")
        elif num in offsets:
            rows += bytes([1]) + offsets[num].to_bytes(4, "big") + (0).to_bytes(2, "big")
        else:
            rows += bytes([0]) + (0).to_bytes(4, "big") + (65535).to_bytes(2, "big")
    data = zlib.compress(bytes(rows))
    out += (b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Filter /FlateDecode "
            b"/Length %d >>\nstream\n" % (xnum, xnum + 1, root, len(data)) + data +
            b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % offsets[xnum])
    with open(path, "wb") as f:
        f.write(out)
    return len(out)


def objstm_body(members):
    """members: [(num, bytes)] -> (header+body bytes, first offset)."""
    body = bytearray()
    header = []
    for num, data in members:
        header.append(b"%d %d" % (num, len(body)))
        body += data + b"\n"
    head = b" ".join(header) + b"\n"
    return head + bytes(body), len(head)


def objstm_self(path):
    # Object 6 is the object stream; the xref stream claims object 6 is in object stream 6.
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " + RES + b" /Contents 3 0 R >>"
    data, first = objstm_body([(5, page), (6, b"<< >>")])
    comp = zlib.compress(data)
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        3: (lambda c: b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(c) + c + b"\nendstream")(
            zlib.compress(text_ops(2000))),
        4: FONT,
        7: b"<< /Type /ObjStm /N 2 /First %d /Filter /FlateDecode /Length %d >>\nstream\n" % (first, len(comp))
           + comp + b"\nendstream",
    }
    # 5 in stream 6 (which is itself listed as in stream 6); 7 is a decoy real object stream.
    return xref_stream_pdf(path, objs, {5: (6, 0), 6: (6, 1)})


def objstm_length_loop(path):
    # Object stream 6 has /Length 8 0 R and /N 9 0 R; objects 8 and 9 live in object stream 6.
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " + RES + b" /Contents 3 0 R >>"
    data, first = objstm_body([(5, page), (8, b"0"), (9, b"3")])
    comp = zlib.compress(data)
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        3: (lambda c: b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(c) + c + b"\nendstream")(
            zlib.compress(text_ops(2000))),
        4: FONT,
        6: b"<< /Type /ObjStm /N 9 0 R /First %d /Filter /FlateDecode /Length 8 0 R >>\nstream\n" % first
           + comp + b"\nendstream",
    }
    return xref_stream_pdf(path, objs, {5: (6, 0), 8: (6, 1), 9: (6, 2)})


def objstm_extends_loop(path):
    # Two object streams extending each other; the pages live in them.
    mk = lambda n: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " + RES + b" /Contents 3 0 R >>"
    d6, f6 = objstm_body([(5, mk(5))])
    d7, f7 = objstm_body([(8, mk(8))])
    c6, c7 = zlib.compress(d6), zlib.compress(d7)
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [5 0 R 8 0 R] /Count 2 >>",
        3: (lambda c: b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(c) + c + b"\nendstream")(
            zlib.compress(text_ops(2000))),
        4: FONT,
        6: b"<< /Type /ObjStm /N 1 /First %d /Extends 7 0 R /Filter /FlateDecode /Length %d >>\nstream\n"
           % (f6, len(c6)) + c6 + b"\nendstream",
        7: b"<< /Type /ObjStm /N 1 /First %d /Extends 6 0 R /Filter /FlateDecode /Length %d >>\nstream\n"
           % (f7, len(c7)) + c7 + b"\nendstream",
    }
    return xref_stream_pdf(path, objs, {5: (6, 0), 8: (7, 0)})


def main():
    os.makedirs(OUT, exist_ok=True)
    j = lambda name: os.path.join(OUT, name)
    ops = text_ops(200_000)
    made = {
        "shared_stream.pdf": shared_pages(j("shared_stream.pdf"), 2000, ops),
        "shared_stream_500.pdf": shared_pages(j("shared_stream_500.pdf"), 500, ops),
        "shared_bomb.pdf": shared_pages(j("shared_bomb.pdf"), 2000, bomb_ops(10_000_000)),
        "bomb_single.pdf": shared_pages(j("bomb_single.pdf"), 1, compress_spaces(1 << 30),
                                        precompressed=True),
        "shared_dup.pdf": shared_pages(j("shared_dup.pdf"), 2000, dup_ops(200_000)),
        "contents_array.pdf": contents_array(j("contents_array.pdf"), 10, ops),
        "pagetree_loop.pdf": pagetree_loop(j("pagetree_loop.pdf")),
        "pagetree_loop2.pdf": pagetree_loop2(j("pagetree_loop2.pdf")),
        "objstm_self.pdf": objstm_self(j("objstm_self.pdf")),
        "objstm_length_loop.pdf": objstm_length_loop(j("objstm_length_loop.pdf")),
        "objstm_extends_loop.pdf": objstm_extends_loop(j("objstm_extends_loop.pdf")),
    }
    for name, size in made.items():
        print(f"{size:>10}  {name}")
    print(f"decompressed shared stream: {len(ops)} bytes")


if __name__ == "__main__":
    main()
