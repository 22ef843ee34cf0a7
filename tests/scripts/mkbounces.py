#!/usr/bin/env python3
"""mkbounces.py OUT N [REASON]: writes an mbox of N distinct RFC 3464
bounces (our own template) for the store tests and the benchmark.

Message i reports recipient user<i mod 5000>@<domain> failing for REASON
(userunknown, network, mailboxfull or blocked; default userunknown) about
the original send <send-i@shop.example>, so every message is a new one
and every bounce a distinct send."""
import sys

KINDS = {
    "userunknown": ("5.1.1", "550 5.1.1 <{r}>: Recipient address rejected: User unknown"),
    "network": ("5.4.4", "Host or domain name lookup failed: Name server timeout"),
    "mailboxfull": ("5.2.2", "552 5.2.2 <{r}>: Mailbox full"),
    "blocked": ("5.7.1", "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using a block list"),
}

def main():
    out, n = sys.argv[1], int(sys.argv[2])
    kind = sys.argv[3] if len(sys.argv) > 3 else "userunknown"
    status, diag = KINDS[kind]
    with open(out, "w") as fh:
        for i in range(n):
            dom = "example%d.com" % (i % 50)
            r = "user%d@%s" % (i % 5000, dom)
            day = 1 + i % 28
            fh.write(
                "From MAILER-DAEMON Sat May  8 10:00:00 2021\n"
                "From: Mail Delivery System <MAILER-DAEMON@mx.shop.example>\n"
                "To: bounces@shop.example\n"
                "Subject: Undelivered Mail Returned to Sender\n"
                "Date: Sat, %d May 2021 10:%02d:%02d +0000\n"
                "Message-ID: <bounce-%d@mx.shop.example>\n"
                "MIME-Version: 1.0\n"
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B%d\"\n"
                "\n--B%d\nContent-Type: text/plain\n\nYour message could not be delivered.\n"
                "\n--B%d\nContent-Type: message/delivery-status\n\n"
                "Reporting-MTA: dns; mx.shop.example\n\n"
                "Final-Recipient: rfc822; %s\nAction: failed\nStatus: %s\n"
                "Remote-MTA: dns; mx.%s\nDiagnostic-Code: smtp; %s\n"
                "\n--B%d\nContent-Type: text/rfc822-headers\n\n"
                "From: news@shop.example\nTo: %s\nSubject: Our offers %d\n"
                "Message-ID: <send-%d@shop.example>\n"
                "\n--B%d--\n\n"
                % (day, i // 60 % 60, i % 60, i, i, i, i, r, status, dom,
                   diag.format(r=r), i, r, i, i, i))

main()
