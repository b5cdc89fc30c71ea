#!/usr/bin/python3
"""The HTML reports in a real browser: headless Chromium through Selenium.

  tests/html/browser.py DIR     (DIR: the reports tests/html/run.sh made)

Opens each report from a file:// URL and checks what a reader relies on:
one table row per input (paging through the table, and the count the page
reports), sorting and filtering that change the rows as they should, the
hostile inputs' markup shown as text and never run, no request leaving
the page, no script error. Prints how long 5,000 rows take to appear, to
sort and to filter (a benchmark figure, never asserted), and keeps a
screenshot of each report in DIR. Closes with "N passed, N failed".
"""
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

D = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else 'build/html-test')
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print('FAIL ' + what)


def browser():
    o = Options()
    for a in ('--headless=new', '--no-sandbox', '--disable-gpu',
              '--disable-dev-shm-usage', '--window-size=1280,1000',
              '--user-data-dir=' + os.path.join(D, 'profile')):
        o.add_argument(a)
    o.set_capability('goog:loggingPrefs', {'browser': 'ALL',
                                           'performance': 'ALL'})
    return webdriver.Chrome(service=Service('/usr/bin/chromedriver'),
                            options=o)


def load(drv, name):
    path = os.path.join(D, name)
    drv.get_log('browser')           # what came before this page
    drv.get_log('performance')
    drv.get('file://' + path)
    for _ in range(600):
        if drv.execute_script('return document.body && '
                              'document.body.dataset.ready'):
            break
        time.sleep(0.05)
    return path


def quiet_page(drv, name, markup=()):
    """No script error, nothing fetched, no hostile markup run."""
    logs = drv.get_log('browser')
    errors = [e['message'] for e in logs if e['level'] == 'SEVERE']
    check(not errors, '%s: script errors: %s' % (name, errors[:3]))
    check(drv.execute_script('return document.body.dataset.ready') is not None,
          '%s: the page never finished drawing' % name)
    res = drv.execute_script(
        "return performance.getEntriesByType('resource').map("
        "function (e) { return e.name; })")
    check(res == [], '%s: resources fetched: %s' % (name, res))
    sent = []
    for e in drv.get_log('performance'):
        m = json.loads(e['message'])['message']
        if m.get('method') == 'Network.requestWillBeSent':
            url = m['params']['request']['url']
            if not url.startswith('file://' + D):
                sent.append(url)
    check(sent == [], '%s: requests left the page: %s' % (name, sent[:3]))
    check(drv.title != 'pwned' and not drv.execute_script(
        'return window.pwned'), '%s: hostile markup ran' % name)
    check(drv.execute_script('return document.images.length') == 0,
          '%s: an <img> element was made from data' % name)
    check(drv.execute_script(
        'return document.scripts.length') == 2,
          '%s: a script element was made from data' % name)
    text = drv.execute_script('return document.body.innerText')
    for m in markup:
        check(m in text, '%s: %r is not shown as text' % (name, m))


def table_files(drv):
    return drv.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll("
        "'#sm-rows tr'), function (tr) { return tr.cells[0].textContent; })")


def all_pages(drv):
    """Every row of the table, page after page."""
    Select(drv.find_element(By.ID, 'sm-size')).select_by_value('25')
    files = []
    while True:
        files += table_files(drv)
        nxt = drv.find_element(By.ID, 'sm-next')
        if not nxt.is_enabled():
            break
        nxt.click()
    return files


def column(drv, i):
    return drv.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll("
        "'#sm-rows tr'), function (tr) { return tr.cells[%d].textContent; })"
        % i)


def header(drv, key):
    return drv.find_element(By.CSS_SELECTOR, 'th[data-key="%s"]' % key)


def count(drv):
    c = drv.find_element(By.ID, 'sm-count')
    return int(c.get_attribute('data-shown')), int(c.get_attribute('data-total'))


def screen_report(drv, name, expect):
    """expect: the rows of `screen -f jsonl` for the same inputs."""
    load(drv, name)
    files = [r['file'] for r in expect]
    errors = [r['file'] for r in expect if r.get('status') == 'error']
    shown, total = count(drv)
    check(total == len(expect) and shown == len(expect),
          '%s: the page counts %d of %d rows, want %d' %
          (name, shown, total, len(expect)))
    got = all_pages(drv)
    check(sorted(got) == sorted(files) and len(got) == len(files),
          '%s: the table pages hold %d rows, want one per input (%d)' %
          (name, len(got), len(files)))
    Select(drv.find_element(By.ID, 'sm-size')).select_by_value('250')
    check(table_files(drv) == files,
          '%s: the first order is not the ranked order of screen' % name)

    header(drv, 'file').click()
    rows = table_files(drv)
    check(rows == sorted(files, key=lambda s: s) or
          rows == sorted(rows), '%s: File does not sort ascending' % name)
    header(drv, 'file').click()
    check(table_files(drv) == rows[::-1],
          '%s: a second click does not reverse the order' % name)
    key, col = ('senior', 4) if 'match' not in expect[0] else ('match', 1)
    header(drv, key).click()
    vals = [float(v) if v != '-' else -1 for v in column(drv, col)]
    check(vals == sorted(vals, reverse=True) and len(set(vals)) > 1,
          '%s: %s does not sort highest first: %s' % (name, key, vals))

    lv = Select(drv.find_element(By.ID, 'sm-level'))
    lv.select_by_value('error')
    check(sorted(table_files(drv)) == sorted(errors) and
          count(drv)[0] == len(errors),
          '%s: level "error" shows %s, want %s' %
          (name, table_files(drv), errors))
    if 'match' not in expect[0]:
        lv.select_by_value('mid')
        want = [r['file'] for r in expect
                if r.get('suggested_level') == 'mid']
        check(sorted(table_files(drv)) == sorted(want) and want,
              '%s: level "mid" shows the wrong rows' % name)
    lv.select_by_value('')

    sk = Select(drv.find_element(By.ID, 'sm-skill'))
    sk.select_by_value('pytorch')
    want = [r['file'] for r in expect
            if any(s['id'] == 'pytorch' for s in r.get('skills', []))]
    check(sorted(table_files(drv)) == sorted(want) and 0 < len(want) <
          len(files), '%s: skill "pytorch" shows the wrong rows' % name)
    sk.select_by_value('')

    q = drv.find_element(By.ID, 'sm-q')
    q.send_keys('non_ml')
    want = [f for f in files if 'non_ml' in f]
    check(sorted(table_files(drv)) == sorted(want) and want,
          '%s: the text filter "non_ml" shows %s' % (name, table_files(drv)))
    q.clear()
    drv.execute_script("document.getElementById('sm-q').dispatchEvent("
                       "new Event('input'))")
    check(count(drv)[0] == len(files),
          '%s: clearing the filter does not bring every row back' % name)

    header(drv, 'file').click()     # back to a known order for the panel
    first = drv.find_element(By.CSS_SELECTOR, '#sm-rows tr:not(.err)')
    first.click()
    panel = drv.find_element(By.ID, 'sm-panel')
    check(panel.is_displayed() and 'Evidence' in panel.text,
          '%s: a row click shows no panel with evidence' % name)
    check(drv.execute_script(
        "return document.querySelectorAll('#sm-heat td').length") > 0,
          '%s: no heat map' % name)
    return errors


def main():
    drv = browser()
    try:
        run(drv)
    finally:
        drv.quit()
    print('browser: %d passed, %d failed' % (passed, failed))
    sys.exit(1 if failed else 0)


def jsonl(name):
    with open(os.path.join(D, name)) as f:
        return [json.loads(line) for line in f if line.strip()]


def shot(drv, name, full=True):
    if full:
        h = drv.execute_script('return document.documentElement.scrollHeight')
        drv.set_window_size(1280, min(max(h, 800), 2400))
    drv.execute_script('window.scrollTo(0, 0)')
    drv.save_screenshot(os.path.join(D, name))
    drv.set_window_size(1280, 1000)


def run(drv):
    hostile = json.load(open(os.path.join(D, 'hostile.json')))

    # screen: a folder with good, hostile and unreadable files
    expect = jsonl('screen.jsonl')
    screen_report(drv, 'screen.html', expect)
    load(drv, 'screen.html')
    quiet_page(drv, 'screen.html', hostile['names'])
    shot(drv, 'screen.png')
    drv.find_element(By.CSS_SELECTOR, '#sm-rows tr:not(.err)').click()
    shot(drv, 'screen-panel.png')

    # several postings: the matrix
    expect = jsonl('matrix.jsonl')
    screen_report(drv, 'matrix.html', expect)
    load(drv, 'matrix.html')
    quiet_page(drv, 'matrix.html')
    cells = drv.execute_script(
        "return document.querySelectorAll('#sm-heat td.score').length")
    check(cells == len(expect) * len(hostile['postings']),
          'matrix.html: %d matrix cells, want %d x %d' %
          (cells, len(expect), len(hostile['postings'])))
    shot(drv, 'matrix.png')

    # JSON-lines ids that are markup
    load(drv, 'ids.html')
    quiet_page(drv, 'ids.html', hostile['ids'])
    check(count(drv)[1] == len(hostile['ids']),
          'ids.html: not one row per document')

    # one person, and one person against a hostile posting
    load(drv, 'check.html')
    quiet_page(drv, 'check.html')
    text = drv.execute_script('return document.body.innerText')
    check('Coverage of each level' in text and 'What to add for' in text,
          'check.html: no coverage or gaps')
    check(drv.execute_script(
        "return document.querySelectorAll('.bar > span').length") >= 3,
          'check.html: no coverage bars')
    shot(drv, 'check.png')
    load(drv, 'check-job.html')
    quiet_page(drv, 'check-job.html', hostile['posting_lines'])
    text = drv.execute_script('return document.body.innerText')
    check('Add to the resume for this job' in text,
          'check-job.html: no list of what to add for the posting')
    shot(drv, 'check-job.png')
    drv.execute_script('window.print = function () {}')   # (no dialog)
    pdf = drv.execute_cdp_cmd('Page.printToPDF', {})
    check(len(pdf.get('data', '')) > 1000, 'check-job.html: does not print')

    # 5,000 rows: how long until the page is drawn, a sort, a filter
    big = os.path.join(D, 'big.html')
    if os.path.exists(big):
        t0 = time.time()
        load(drv, 'big.html')
        wall = time.time() - t0
        ready = float(drv.execute_script('return document.body.dataset.ready'))
        shown, total = count(drv)
        check(total == hostile['big'], 'big.html: %d rows, want %d' %
              (total, hostile['big']))
        t = drv.execute_script(
            "var t = performance.now();"
            "document.querySelector('th[data-key=\"senior\"]').click();"
            "var s = performance.now() - t; t = performance.now();"
            "var q = document.getElementById('sm-q'); q.value = 'python';"
            "q.dispatchEvent(new Event('input'));"
            "var f = performance.now() - t; t = performance.now();"
            "document.querySelector('#sm-rows tr').click();"
            "return [s, f, performance.now() - t];")
        rows = len(table_files(drv))
        check(rows <= 250, 'big.html: %d rows drawn at once' % rows)
        print('browser bench: %d rows (%.1f MB page): drawn %.0f ms after '
              'navigation (%.2f s wall, load included); sort %.0f ms; text '
              'filter %.0f ms; panel %.0f ms' %
              (total, os.path.getsize(big) / 1e6, ready, wall, t[0], t[1],
               t[2]))


if __name__ == '__main__':
    main()
