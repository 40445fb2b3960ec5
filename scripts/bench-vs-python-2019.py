"""The 2019 feature pipeline (clean_data_bots_trolls.ipynb of devspotlight/Reddit-Dashboard-ML),
timed on a sample of a dump, for scripts/bench-vs-python.

  python3 bench-vs-python-2019.py sample DUMP N OUT.csv   evenly spread sample of N rows (not timed)
  python3 bench-vs-python-2019.py run SAMPLE.csv OUT.csv  the notebook's pipeline, timed

"run" follows the notebook cell by cell: pandas.read_csv with its dtypes, dropping the columns it
drops, drop_duplicates, created_utc to datetimes, body[:200], then DataFrame.apply(calc_stats)
with pandas.read_json of every row's recent_comments, difflib ratios and TextBlob polarities,
the target column and to_csv. Left out: the class-balancing sample (it only picks rows) and the
progress print. It prints one line: "rows N seconds S rows_per_s R".
"""
import csv
import gzip
import sys
import time
import warnings


def sample(dump, n, out):
    csv.field_size_limit(sys.maxsize)
    opener = gzip.open if open(dump, 'rb').read(2) == b'\x1f\x8b' else open
    with opener(dump, 'rt', encoding='utf-8', newline='') as f:
        total = sum(1 for _ in csv.reader(f)) - 1
    wanted = {k * total // n for k in range(min(n, total))}
    with opener(dump, 'rt', encoding='utf-8', newline='') as f, \
            open(out, 'w', encoding='utf-8', newline='') as o:
        reader = csv.reader(f)
        writer = csv.writer(o, lineterminator='\n')
        writer.writerow(next(reader))
        for i, row in enumerate(reader):
            if i in wanted:
                writer.writerow(row)
    print(f"sample {len(wanted)} of {total} rows")


def run(sample_csv, out):
    warnings.simplefilter('ignore')  # pandas 1.5 warns about append(), as the 2019 code used it
    import datetime as dt
    import difflib
    import numpy as np
    import pandas as pd
    from textblob import TextBlob

    start = time.perf_counter()
    with open(sample_csv, encoding='utf-8') as f:
        my_data = pd.read_csv(f, sep=',', dtype={
            "banned_by": str, "no_follow": bool, "link_id": str, "gilded": np.float64, "author": str,
            "author_verified": bool, "author_comment_karma": np.float64, "author_link_karma": np.float64,
            "num_comments": np.float64, "created_utc": np.float64, "score": np.float64, "over_18": bool,
            "body": str, "downs": np.float64, "is_submitter": bool, "num_reports": np.float64,
            "controversiality": np.float64, "quarantine": str, "ups": np.float64, "is_bot": bool,
            "is_troll": bool, "recent_comments": str})

    columns = ['banned_by', 'downs', 'quarantine', 'num_reports', 'num_comments', 'score', 'ups',
               'controversiality', 'gilded']
    my_data.drop(columns, inplace=True, axis=1)
    my_data.drop_duplicates(inplace=True)
    my_data['created_utc'] = pd.to_datetime(my_data['created_utc'].values, unit='s')
    my_data['body'] = my_data['body'].str.slice(stop=200).fillna('')
    for name, dtype in [('recent_num_comments', np.int64), ('recent_num_last_30_days', np.int64)] + [
            (c, np.float64) for c in (
                'recent_avg_no_follow', 'recent_avg_gilded', 'recent_avg_responses', 'recent_percent_neg_score',
                'recent_avg_score', 'recent_min_score', 'recent_avg_controversiality', 'recent_avg_ups',
                'recent_avg_diff_ratio', 'recent_max_diff_ratio', 'recent_avg_sentiment_polarity',
                'recent_min_sentiment_polarity')]:
        my_data[name] = pd.Series(np.zeros(len(my_data.index), dtype))

    def diff_ratio(_a, _b):
        return difflib.SequenceMatcher(a=_a, b=_b).ratio()

    def last_30(a, b):
        return a - dt.timedelta(days=30) < pd.to_datetime(b, unit='s')

    def calc_stats(comment):
        recent_comments = pd.read_json(comment['recent_comments'], dtype={
            "banned_by": str, "no_follow": bool, "link_id": str, "gilded": np.float64, "author": str,
            "author_verified": bool, "author_comment_karma": np.float64, "author_link_karma": np.float64,
            "num_comments": np.float64, "created_utc": np.float64, "score": np.float64, "over_18": bool,
            "body": str, "downs": np.float64, "is_submitter": bool, "num_reports": np.float64,
            "controversiality": np.float64, "quarantine": bool, "ups": np.float64})
        comment['recent_num_comments'] = len(recent_comments)
        if len(recent_comments) > 0:
            comment['recent_num_last_30_days'] = recent_comments['created_utc'].apply(
                lambda x: last_30(comment['created_utc'], x)).sum()
            comment['recent_avg_no_follow'] = recent_comments['no_follow'].mean()
            comment['recent_avg_gilded'] = recent_comments['gilded'].mean()
            comment['recent_avg_responses'] = recent_comments['num_comments'].mean()
            comment['recent_percent_neg_score'] = recent_comments['score'].apply(lambda x: x < 0).mean() * 100
            comment['recent_avg_score'] = recent_comments['score'].mean()
            comment['recent_min_score'] = recent_comments['score'].min()
            comment['recent_avg_controversiality'] = recent_comments['controversiality'].mean()
            comment['recent_avg_ups'] = recent_comments['ups'].mean()
            diff = recent_comments['body'].str.slice(stop=200).fillna('').apply(
                lambda x: diff_ratio(comment['body'], x))
            comment['recent_avg_diff_ratio'] = diff.mean()
            comment['recent_max_diff_ratio'] = diff.max()
            scores = recent_comments['body'].append(pd.Series(comment['body'])).apply(
                lambda x: TextBlob(x).sentiment.polarity)
            comment['recent_avg_sentiment_polarity'] = scores.mean()
            comment['recent_min_sentiment_polarity'] = scores.min()
        return comment

    new_data = my_data.apply(calc_stats, axis=1)
    new_data = new_data[new_data.recent_min_sentiment_polarity.isna() == False]  # noqa: E712 (as in 2019)

    def set_target(x):
        if x.is_bot:
            return 'bot'
        elif x.is_troll:
            return 'troll'
        return 'normal'

    new_data['target'] = new_data.apply(lambda x: set_target(x), axis=1)
    new_data.drop(['is_bot', 'is_troll'], inplace=True, axis=1)
    new_data.drop(['recent_comments'], inplace=True, axis=1)
    new_data.to_csv(out, sep=',', index=False)
    seconds = time.perf_counter() - start
    rows = len(my_data.index)
    print(f"rows {rows} seconds {seconds:.3f} rows_per_s {rows / seconds:.1f}")


if __name__ == '__main__':
    if len(sys.argv) == 5 and sys.argv[1] == 'sample':
        sample(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif len(sys.argv) == 4 and sys.argv[1] == 'run':
        run(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
