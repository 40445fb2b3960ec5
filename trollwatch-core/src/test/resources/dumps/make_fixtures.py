#!/usr/bin/env python3
"""Writes the same 5 rows as sample.{csv,pg.csv,psql,2019.csv,jsonl}: the five dump formats, emulating
the tools that write them (Python csv, PostgreSQL COPY CSV, psql -A, npm csv-writer + the 2019 README's
sed, the 2019 API's JSON). Run from this directory; the outputs are committed test fixtures."""
import csv, io, json

COLS = ["banned_by", "no_follow", "link_id", "gilded", "author", "author_verified", "author_comment_karma",
        "author_link_karma", "num_comments", "created_utc", "score", "over_18", "body", "downs", "is_submitter",
        "num_reports", "controversiality", "quarantine", "ups", "is_bot", "is_troll", "recent_comments"]
BOOL = {"no_follow", "author_verified", "over_18", "is_submitter", "is_bot", "is_troll"}
FLOAT = {"gilded", "author_comment_karma", "author_link_karma", "num_comments", "created_utc", "score", "downs",
         "num_reports", "controversiality", "ups"}

def recent(author, n, body):
    out = []
    for i in range(n):
        out.append({"banned_by": None, "no_follow": i % 2 == 0, "link_id": "t3_r%d" % i, "gilded": i % 3,
                    "author": author, "author_verified": False, "author_comment_karma": 10.0 + i,
                    "author_link_karma": 2.5, "num_comments": 3.0 * i, "created_utc": 1545000000.0 + 3600 * i,
                    "score": -2.0 + i, "over_18": False, "body": body if i == 0 else "plain %d" % i, "downs": 0.0,
                    "is_submitter": i == 1, "num_reports": None, "controversiality": float(i % 2),
                    "quarantine": "false", "ups": 1.0 + i})
    return out

def row(i, author, body, rec, **kw):
    r = {"banned_by": None, "no_follow": True, "link_id": "t3_abc%d" % i, "gilded": 0.0, "author": author,
         "author_verified": i % 2 == 0, "author_comment_karma": 445850.0 + i, "author_link_karma": 1778.0,
         "num_comments": 1.0 + i, "created_utc": 1550213389.0 + i, "score": 1.0 - i, "over_18": False,
         "body": body, "downs": 0.0, "is_submitter": False, "num_reports": None, "controversiality": 0.0,
         "quarantine": "false", "ups": 1.0, "is_bot": i == 0, "is_troll": i == 2,
         "recent_comments": None if rec is None else json.dumps(rec)}
    r.update(kw)
    return r

ROWS = [
    row(0, "AutoModerator", "Hey, thanks for posting at \\/r\\/SwitchHaxing! | rule 6 *I am a bot",
        recent("AutoModerator", 3, "a|b|c, with \\\"escaped\\\" quotes and a \\\\ backslash")),
    row(1, "emoji_fan", "caf\u00e9 \u2615 \U0001F600 pipes|everywhere|1.0|t", recent("emoji_fan", 2, "x|t|1.0|[]")),
    row(2, "first_timer", "my first comment, no history", [], gilded=1.0, score=-3.5, num_reports=None),
    row(3, "nullish", "recent is NULL here", None, author_comment_karma=None, over_18=None, quarantine=None),
    row(4, "back\\slash", "ends with a backslash \\", recent("back\\slash", 1, "tab\there \u00fc\u00f1\u00ee\u00e7\u00f8d\u00e9"),
        controversiality=1.0),
]

def py_text(c, v):  # Python csv / csv-writer: True/False → true/false, floats repr
    if v is None:
        return ""
    if c in BOOL:
        return "true" if v else "false"
    return repr(v) if isinstance(v, float) else str(v)

def pg_float(v):
    return str(int(v)) if float(v).is_integer() else repr(v)

def pg_text(c, v):
    if v is None:
        return None
    if c in BOOL:
        return "t" if v else "f"
    if c in FLOAT:
        return pg_float(v)
    return v

def write_csv():
    buf = io.StringIO()
    cols = COLS + ["is_training", "parent_id_ranked"]
    order = [cols[i] for i in (21, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 23)]
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(order)
    for r in ROWS:
        w.writerow([py_text(c, r.get(c)) if c not in ("is_training", "parent_id_ranked")
                    else ("true" if c == "is_training" else "7") for c in order])
    open("sample.csv", "w", newline="").write(buf.getvalue())

def write_pg_csv():
    lines = [",".join(COLS)]
    for r in ROWS:
        out = []
        for c in COLS:
            v = pg_text(c, r[c])
            if v is None:
                out.append("")
            elif v == "" or any(ch in v for ch in ',"\n\r'):
                out.append('"' + v.replace('"', '""') + '"')
            else:
                out.append(v)
        lines.append(",".join(out))
    open("sample.pg.csv", "w", newline="").write("\n".join(lines) + "\n")

def write_psql():
    lines = ["|".join(COLS)]
    for r in ROWS:
        lines.append("|".join("" if pg_text(c, r[c]) is None else pg_text(c, r[c]) for c in COLS))
    lines.append("(%d rows)" % len(ROWS))
    open("sample.psql", "w", newline="").write("\n".join(lines) + "\n")

def write_2019():
    lines = [",".join(COLS)]
    for r in ROWS:
        out = []
        for c in COLS:
            v = py_text(c, r[c])
            if any(ch in v for ch in ',"\n'):
                v = '"' + v.replace('"', '""') + '"'
            out.append(v)
        lines.append(",".join(out))
    text = "\n".join(lines) + "\n"
    open("sample.2019.csv", "w", newline="").write(text.replace('""', '\\"'))  # sed -e 's/""/\\"/g'

def write_jsonl():
    lines = []
    for i, r in enumerate(ROWS):
        o = dict(r)
        for c in FLOAT:
            if o[c] is not None:
                o[c] = float(o[c])
        if i == 1:
            o["recent_comments"] = json.loads(o["recent_comments"])  # an array instead of a string
        lines.append(json.dumps(o))
    open("sample.jsonl", "w", newline="").write("\n".join(lines) + "\n")

write_csv(); write_pg_csv(); write_psql(); write_2019(); write_jsonl()
