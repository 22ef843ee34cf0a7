#!/usr/bin/env python3
"""variants.py: rewrites bounce messages in forms that carry the same
notice, so that a test can check that each one is read the same way.

    variants.py MODE SRC_DIR OUT_DIR

MODE is one of
  lowerhdr  every header field name of the message lower-cased
  base64    every 7bit/8bit text/plain leaf part re-encoded as base64
  qp        the same as quoted-printable
  crlf      CRLF line ends
  forward   the message attached whole (message/rfc822) to a person's
            forward, as mail clients send it
  dsnplain  its delivery-status parts labelled text/plain, as gateways that
            re-label parts they do not know send them

Each SRC_DIR/*.eml becomes OUT_DIR/*.eml of the same name.  Only the
transfer form changes: the decoded text, the MIME structure and the
headers' values stay as they were.
"""
import base64
import os
import quopri
import re
import sys


def split_head(data):
    """(header block with its last newline, body) of a message or part."""
    if data.startswith(b"\n"):
        return b"", data[1:]
    i = data.find(b"\n\n")
    if i < 0:
        return data, b""
    return data[: i + 1], data[i + 2:]


def fields(head):
    """The header block's fields, each with its folded lines."""
    text = head.rstrip(b"\n")
    return re.split(rb"\n(?![ \t])", text) if text.strip() else []


def field(head, name):
    for f in fields(head):
        k, _, v = f.partition(b":")
        if k.strip().lower() == name:
            return v
    return None


def content_type(head):
    v = field(head, b"content-type")
    if v is None:
        return b"text/plain", b""
    v = v.strip()
    t, _, params = v.partition(b";")
    return t.strip().lower(), params


def with_encoding(head, cte):
    keep = [f for f in fields(head) if not f.lower().startswith(b"content-transfer-encoding:")]
    keep.append(b"Content-Transfer-Encoding: " + cte)
    return b"\n".join(keep) + b"\n"


def recode(head, body, mode, depth=0):
    """The part with its text/plain leaves re-encoded (base64 or qp)."""
    ctype, params = content_type(head)
    if ctype.startswith(b"multipart/") and depth < 8:
        m = re.search(rb'(?i)boundary\s*=\s*"?([^";\n]+)"?', params)
        if not m:
            return head, body
        delim = b"\n--" + m.group(1)
        pieces = body.split(delim)
        out = [pieces[0]]
        for piece in pieces[1:]:
            if piece.startswith(b"--"):
                out.append(piece)
                continue
            nl = piece.find(b"\n")
            if nl < 0:
                out.append(piece)
                continue
            h, b = split_head(piece[nl + 1:])
            h, b = recode(h, b, mode, depth + 1)
            out.append(piece[: nl + 1] + h + b"\n" + b)
        return head, delim.join(out)
    cte = (field(head, b"content-transfer-encoding") or b"7bit").strip().lower()
    if ctype != b"text/plain" or cte not in (b"7bit", b"8bit"):
        return head, body
    if mode == "base64":
        return with_encoding(head, b"base64"), base64.encodebytes(body)
    return with_encoding(head, b"quoted-printable"), quopri.encodestring(body)


FORWARD_HEAD = (
    b"From: Ops Desk <ops.desk@sender.example>\n"
    b"To: bounces@sender.example\n"
    b"Subject: Fwd: returned message\n"
    b"Date: Mon, 23 Nov 2026 10:00:00 +0000\n"
    b"Message-ID: <fwd-variant@sender.example>\n"
    b"MIME-Version: 1.0\n"
    b'Content-Type: multipart/mixed; boundary="variant-forward"\n'
)


def rewrite(data, mode):
    data = data.replace(b"\r\n", b"\n")
    if mode == "crlf":
        return data.replace(b"\n", b"\r\n")
    if mode == "dsnplain":
        return re.sub(rb"(?im)^(content-type:[ \t]*)message/delivery-status", rb"\1text/plain", data)
    if mode == "forward":
        return (FORWARD_HEAD + b"\n--variant-forward\nContent-Type: text/plain\n\n"
                b"This came back to me, please have a look.\n\n--variant-forward\n"
                b'Content-Type: message/rfc822; name="returned.eml"\n'
                b'Content-Disposition: attachment; filename="returned.eml"\n\n'
                + data + b"\n--variant-forward--\n")
    head, body = split_head(data)
    if mode == "lowerhdr":
        head = re.sub(rb"(?m)^([A-Za-z][A-Za-z0-9-]*):", lambda m: m.group(1).lower() + b":", head)
    else:
        head, body = recode(head, body, mode)
    return head + b"\n" + body


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("lowerhdr", "base64", "qp", "crlf", "forward", "dsnplain"):
        sys.exit(__doc__)
    mode, src, out = sys.argv[1:]
    os.makedirs(out, exist_ok=True)
    for name in sorted(os.listdir(src)):
        if name.endswith(".eml"):
            with open(os.path.join(src, name), "rb") as fh:
                data = fh.read()
            with open(os.path.join(out, name), "wb") as fh:
                fh.write(rewrite(data, mode))


if __name__ == "__main__":
    main()
