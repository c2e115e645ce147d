#!/usr/bin/env python3
"""Writes tests/fixtures/tickets/: help-desk exports laid out as each vendor
documents its export (headers in the vendor's order), holding invented
tickets: open and solved, reopened, multi-reply, several channels and agents.
The figures they must give are worked out by hand in tests/tickets.rs.

Headers: Zendesk's CSV ticket export (Id … On hold time in minutes within
business hours, as Zendesk writes them); Freshdesk's ticket export (the names
its exporter gives: Ticket ID, Created time, Initial response time, Time
tracked, First response time (in hrs), Agent interactions, …); Jira (Service
Management) issues CSV (Issue key, Created, Resolved, one Comment column per
comment); a chat conversation export (Conversation ID, Channel, Assigned
Agent, Created At, First Response At, Resolved At, Agent Messages); a Google
Forms / Sheets log kept in Indonesian. Standard library only."""
import csv, datetime as dt, os

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "tickets")
BASE = dt.datetime(2025, 3, 3, 8, 0, 0)


def at(i, minutes=0):
    """Ticket i is created i hours after the base; `minutes` after that."""
    return BASE + dt.timedelta(hours=i, minutes=minutes)


def write(name, header, rows, delimiter=","):
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=delimiter, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)


def zendesk():
    header = ["Summation column", "Id", "Requester", "Requester id", "Requester external id",
              "Requester email", "Requester domain", "Submitter", "Assignee", "Group", "Subject",
              "Tags", "Status", "Priority", "Via", "Ticket type", "Created at", "Updated at",
              "Assigned at", "Organization", "Due date", "Initially assigned at", "Solved at",
              "Resolution time", "Satisfaction Score", "Group stations", "Assignee stations",
              "Reopens", "Replies", "First reply time in minutes",
              "First reply time in minutes within business hours",
              "First resolution time in minutes",
              "First resolution time in minutes within business hours",
              "Full resolution time in minutes",
              "Full resolution time in minutes within business hours",
              "Agent wait time in minutes", "Agent wait time in minutes within business hours",
              "Requester wait time in minutes",
              "Requester wait time in minutes within business hours",
              "On hold time in minutes", "On hold time in minutes within business hours"]
    # id, via, assignee, status, replies, reopens, first reply, full resolution (minutes)
    tickets = [
        (1001, "Email", "Rina", "Solved", 1, 0, 10, 120),
        (1002, "Email", "Rina", "Closed", 3, 0, 30, 2880),
        (1003, "Web Widget", "Budi", "Solved", 1, 1, 5, 600),
        (1004, "Chat", "Budi", "Solved", 0, 0, 2, 15),
        (1005, "Chat", "Sari", "Solved", 1, 0, 12, 45),
        (1006, "Email", "Sari", "Open", 1, 0, 20, None),
        (1007, "Web Widget", "Rina", "Pending", 2, 0, 60, None),
        (1008, "Chat", "Budi", "Solved", 2, 0, 8, 240),
        (1009, "Email", "Sari", "Solved", 1, 0, 16, 90),
        (1010, "Web Widget", "Rina", "New", 0, 0, None, None),
        (1011, "Chat", "Rina", "Hold", 1, 0, 14, None),
    ]
    rows = []
    for i, (tid, via, agent, status, replies, reopens, frt, res) in enumerate(tickets):
        created = at(i)
        solved = "" if res is None else (created + dt.timedelta(minutes=res)).strftime("%Y-%m-%d %H:%M:%S")
        fmt = lambda v: "" if v is None else str(v)
        # Business-hours times differ on purpose: they must not be read.
        rows.append(["", tid, f"Pelanggan {tid}", 900 + i, "", f"c{tid}@contoh.id", "contoh.id",
                     agent, agent, "Support", f"Pertanyaan {tid}", "", status, "Normal", via,
                     "Question", created.strftime("%Y-%m-%d %H:%M:%S"),
                     created.strftime("%Y-%m-%d %H:%M:%S"), created.strftime("%Y-%m-%d %H:%M:%S"),
                     "", "", created.strftime("%Y-%m-%d %H:%M:%S"), solved,
                     "" if res is None else res // 60,
                     "Good" if tid % 3 else "Offered", 1, 1, reopens, replies, fmt(frt),
                     fmt(None if frt is None else frt * 3), fmt(res), fmt(res), fmt(res),
                     fmt(None if res is None else res // 2), 0, 0, fmt(res), fmt(res), 0, 0])
    write("zendesk.csv", header, rows)


def freshdesk():
    header = ["Ticket ID", "Subject", "Description", "Status", "Priority", "Source", "Type",
              "Agent", "Group", "Created time", "Due by Time", "Resolved time", "Closed time",
              "Last update time", "Initial response time", "Time tracked",
              "First response time (in hrs)", "Resolution time (in hrs)", "Agent interactions",
              "Customer interactions", "Resolution status", "First response status", "Tags",
              "Survey results", "Product"]
    # id, source, agent, status, first response, resolved (minutes after created),
    # agent interactions, time tracked (minutes)
    tickets = [
        (201, "Email", "Andi", "Closed", 10, 120, 1, 20),
        (202, "Phone", "Andi", "Resolved", 5, 30, 1, 15),
        (203, "Email", "Dewi", "Resolved", 40, 1500, 4, 60),
        (204, "Portal", "Dewi", "Open", 25, None, 1, 10),
        (205, "Chat", "Andi", "Resolved", 3, 20, 1, 5),
        (206, "Phone", "Dewi", "Pending", 15, None, 2, 30),
        (207, "Chat", "Joko", "Closed", 7, 300, 2, 25),
        (208, "Email", "Joko", "Waiting on Customer", 90, None, 1, 5),
        (209, "Portal", "Joko", "Resolved", 12, 60, 0, None),
        (210, "Chat", "Andi", "Resolved", None, 10, 0, None),
    ]
    f = lambda t: t.strftime("%Y-%m-%d %H:%M:%S")
    rows = []
    for i, (tid, src, agent, status, fr, res, ai, tt) in enumerate(tickets):
        created = at(i)
        resolved = "" if res is None else f(created + dt.timedelta(minutes=res))
        closed = f(created + dt.timedelta(minutes=res, days=2)) if status == "Closed" else ""
        initial = "" if fr is None else f(created + dt.timedelta(minutes=fr))
        tracked = "" if tt is None else "%02d:%02d:00" % (tt // 60, tt % 60)
        # The "(in hrs)" times are business hours in Freshdesk's export: other values.
        rows.append([tid, f"Keluhan {tid}", "", status, "Medium", src, "Question", agent,
                     "Customer Support", f(created), f(created + dt.timedelta(days=1)), resolved,
                     closed, f(created + dt.timedelta(hours=3)), initial, tracked,
                     "" if fr is None else "%.2f" % (fr / 60 + 1),
                     "" if res is None else "%.2f" % (res / 60 + 5), ai, ai + 1,
                     "Within SLA" if res else "", "Within SLA", "", "", "Toko"])
    write("freshdesk.csv", header, rows)


def jira():
    header = ["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Priority",
              "Resolution", "Assignee", "Reporter", "Creator", "Created", "Updated",
              "Last Viewed", "Resolved", "Due Date", "Custom field (Request Type)",
              "Custom field (Satisfaction rating)", "Comment", "Comment", "Comment"]
    # key, assignee, status, resolution, resolved (minutes after created), comments
    tickets = [
        ("SD-1", "Rina", "Resolved", "Done", 90, 1),
        ("SD-2", "Rina", "Closed", "Done", 2000, 3),
        ("SD-3", "Budi", "Done", "Done", 45, 1),
        ("SD-4", "Budi", "Waiting for customer", "", None, 2),
        ("SD-5", "Sari", "In Progress", "", None, 0),
        ("SD-6", "Sari", "Resolved", "Done", 30, 0),
        ("SD-7", "Rina", "Canceled", "Won't Do", None, 0),
        ("SD-8", "Budi", "Resolved", "Done", 600, 2),
    ]
    j = lambda t: t.strftime("%d/%b/%y %-I:%M %p")
    rows = []
    for i, (key, agent, status, resolution, res, comments) in enumerate(tickets):
        created = at(i)
        resolved = "" if res is None else j(created + dt.timedelta(minutes=res))
        notes = [f"{j(created + dt.timedelta(minutes=5 * (c + 1)))};557058:a{c};Balasan {c + 1}"
                 for c in range(comments)] + [""] * (3 - comments)
        rows.append([f"Permintaan {key}", key, 10000 + i, "Service Request", status, "Medium",
                     resolution, agent, "Pelanggan", "Pelanggan", j(created), j(created),
                     "", resolved, "", "Get IT help", ""] + notes)
    write("jira-service-management.csv", header, rows)


def chat():
    header = ["Conversation ID", "Channel", "Status", "Assigned Agent", "Assigned Group",
              "Customer Name", "Created At", "First Response At", "Resolved At",
              "Agent Messages", "Customer Messages", "Reopened", "CSAT"]
    # id, channel, status, agent, first response, resolved (minutes), agent messages, reopened
    tickets = [
        ("C-01", "WhatsApp", "Resolved", "Lina", 2, 25, 1, "No"),
        ("C-02", "WhatsApp", "Resolved", "Lina", 6, 40, 4, "No"),
        ("C-03", "Instagram", "Resolved", "Tono", 20, 200, 1, "Yes"),
        ("C-04", "WhatsApp", "Open", "Tono", 1, None, 1, "No"),
        ("C-05", "Web Chat", "Resolved", "Tono", 9, 15, 1, "No"),
        ("C-06", "Instagram", "Resolved", "Lina", 30, 95, 2, "No"),
        ("C-07", "Web Chat", "Pending", "Lina", 4, None, 1, "No"),
        ("C-08", "WhatsApp", "Resolved", "Tono", 11, 35, 0, "No"),
    ]
    iso = lambda t: t.strftime("%Y-%m-%dT%H:%M:%S+07:00")
    rows = []
    for i, (cid, ch, status, agent, fr, res, msgs, reopened) in enumerate(tickets):
        created = at(i)
        rows.append([cid, ch, status, agent, "CS Online", f"Pelanggan {i + 1}", iso(created),
                     iso(created + dt.timedelta(minutes=fr)),
                     "" if res is None else iso(created + dt.timedelta(minutes=res)),
                     msgs, msgs + 1, reopened, "5" if i % 2 else ""])
    write("chat.csv", header, rows)


def sheets():
    header = ["Timestamp", "No Tiket", "Kanal", "Agen", "Status",
              "Waktu Respon Pertama (menit)", "Waktu Penyelesaian (jam)",
              "Durasi Penanganan (menit)", "Jumlah Balasan Agen", "Dibuka Ulang",
              "Perlu Kunjungan Teknisi"]
    tickets = [
        ("T-01", "WhatsApp", "Fajar", "Selesai", "5", "0,5", "10", 1, "tidak", "tidak"),
        ("T-02", "WhatsApp", "Fajar", "Selesai", "20", "26", "45", 3, "tidak", "ya"),
        ("T-03", "Telepon", "Maya", "Selesai", "0", "0,25", "8", 1, "tidak", "tidak"),
        ("T-04", "Email", "Maya", "Ditutup", "60", "48", "30", 2, "ya", "ya"),
        ("T-05", "Email", "Fajar", "Menunggu", "15", "", "5", 1, "tidak", "tidak"),
        ("T-06", "Telepon", "Maya", "Selesai", "3", "1", "12", 1, "ya", "tidak"),
        ("T-07", "WhatsApp", "Maya", "Diproses", "8", "", "", 1, "tidak", "tidak"),
        ("T-08", "Email", "Fajar", "Selesai", "12", "2", "20", 1, "tidak", "tidak"),
    ]
    rows = [[at(i).strftime("%d/%m/%Y %-H:%M:%S")] + list(t) for i, t in enumerate(tickets)]
    write("google-sheets.tsv", header, rows, delimiter="\t")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    zendesk(); freshdesk(); jira(); chat(); sheets()
