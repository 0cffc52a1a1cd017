#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""report.html in a real browser: Debian's chromium, headless, driven by
Selenium (python3-selenium, chromium-driver). It writes the report of the
GDELT example by week, opens report.html from file://, and checks what a
reader does: hover an actor (its ties light up), click a tie (its rows and
source links appear), move the period slider (another period's diagram is
shown), sort a table; that no script error was logged and no request left
the page; and that input text holding markup stays text. TAP output.

usage: report_html.py ENTENTE SOURCE_ROOT [SCREENSHOT.png]
(ENTENTE_SCREENSHOT=path does the same as the third argument.)"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

EXE, ROOT = sys.argv[1], sys.argv[2]
SHOT = sys.argv[3] if len(sys.argv) > 3 else os.environ.get('ENTENTE_SCREENSHOT')
# named from the repository's root, as a user would type it: the report
# (and the README's screenshot of it) shows the name it was given
EXAMPLE = os.path.join('examples', 'gdelt-may-june-2025.export.CSV')
results = []


def check(name, ok, detail=''):
    results.append((name, bool(ok), detail))


def finish():
    print(f'1..{len(results)}')
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} - {name}')
        if not ok:
            failed += 1
            for line in str(detail).splitlines()[:15]:
                print('#   ' + line)
    sys.exit(1 if failed else 0)


def skip(why):
    print(f'1..0 # SKIP {why}')
    sys.exit(0)


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    skip('python3-selenium is not installed')
CHROMIUM = shutil.which('chromium')
DRIVER = shutil.which('chromedriver')
if not CHROMIUM or not DRIVER:
    skip('chromium and chromium-driver are not installed')

HOSTILE = {
    'entente': 'events/1',
    'events': [
        {'date': '2020-01-10', 'source': 'USA', 'target': 'RUS', 'code': '036',
         'text': '<script>window.__pwned = 1</script><img src=x '
                 'onerror="window.__pwned = 2">Talks</b>',
         'doc': 'javascript:window.__pwned = 3'},
        {'date': '2020-02-10', 'source': 'RUS', 'target': 'USA', 'code': '112',
         'text': '</script><script>window.__pwned = 4</script>',
         'doc': 'https://example.org/a?b=<i>c</i>'},
    ]}


def browser(profile):
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ('--headless=new', '--no-sandbox', '--disable-gpu',
                '--disable-background-networking',
                '--disable-component-update', '--disable-sync',
                '--no-first-run', '--disable-dev-shm-usage',
                '--window-size=1280,1600', f'--user-data-dir={profile}'):
        opts.add_argument(arg)
    opts.set_capability('goog:loggingPrefs',
                        {'browser': 'ALL', 'performance': 'ALL'})
    return webdriver.Chrome(service=Service(DRIVER), options=opts)


def requests_made(driver):
    """URLs the page asked for, other than itself and data: URIs."""
    urls = []
    for entry in driver.get_log('performance'):  # since the last call
        msg = json.loads(entry['message'])['message']
        if msg.get('method') == 'Network.requestWillBeSent':
            url = msg['params']['request']['url']
            # the page itself, its data: images; chrome:// is the
            # browser's own start page before the page was opened
            if not url.startswith(('file://', 'data:', 'chrome://')):
                urls.append(url)
    return urls


def script_errors(driver):
    return [e['message'] for e in driver.get_log('browser')
            if e['level'] == 'SEVERE']


def visible_diagram(driver):
    return driver.find_element(By.CSS_SELECTOR, '.diagram:not([hidden])')


def click_edge(driver, edge):
    """A real mouse click on the middle of a tie's line."""
    x, y = driver.execute_script(
        'var p = arguments[0].querySelector("path");'
        'var l = p.getTotalLength(), q = p.getPointAtLength(l / 2);'
        'var m = p.getScreenCTM();'
        'return [q.x * m.a + q.y * m.c + m.e, q.x * m.b + q.y * m.d + m.f];',
        edge)
    actions = ActionChains(driver)
    actions.w3c_actions.pointer_action.move_to_location(int(x), int(y))
    actions.w3c_actions.pointer_action.click()
    actions.perform()


def test_example(driver, tmp):
    out = os.path.join(tmp, 'example')
    p = subprocess.run([EXE, 'report', '--quiet', '--by', 'week', EXAMPLE,
                        '-o', out], capture_output=True, timeout=600,
                       cwd=ROOT)
    check('report of the GDELT example by week', p.returncode == 0,
          p.stderr.decode())
    if p.returncode != 0:
        return
    requests_made(driver)  # drain the log of the blank start page
    driver.get('file://' + os.path.join(out, 'report.html'))
    WebDriverWait(driver, 30).until(lambda d: d.find_element(
        By.TAG_NAME, 'body').get_attribute('data-ready') == '1')
    data = json.load(open(os.path.join(out, 'report.json')))

    # hover an actor: its ties light up, others dim
    svg = visible_diagram(driver).find_element(By.TAG_NAME, 'svg')
    node = next(n for n in svg.find_elements(By.CSS_SELECTOR, 'g.node')
                if n.find_element(By.TAG_NAME, 'title')
                .get_attribute('textContent') == 'IRN')
    ActionChains(driver).move_to_element(node).perform()
    lit = driver.execute_script(
        'return Array.prototype.map.call(arguments[0].querySelectorAll('
        '"g.edge.hl title"), function (t) { return t.textContent; });', svg)
    check('hovering Iran lights up its ties, and only those',
          len(lit) > 0 and all('IRN' in t.split('--') for t in lit)
          and 'dim' in svg.get_attribute('class'), repr(lit))
    ActionChains(driver).move_by_offset(0, 400).perform()

    # click the Iran-Israel tie: its rows and their source links
    edge = next(e for e in svg.find_elements(By.CSS_SELECTOR, 'g.edge')
                if e.find_element(By.TAG_NAME, 'title')
                .get_attribute('textContent') in ('IRN--ISR', 'ISR--IRN'))
    click_edge(driver, edge)
    title = driver.find_element(By.ID, 'sources-title').text
    items = driver.find_elements(By.CSS_SELECTOR, '#sources-list li')
    links = driver.find_elements(By.CSS_SELECTOR, '#sources-list a')
    check('clicking the Iran-Israel tie lists its rows', title ==
          'Iran \u2013 Israel' and len(items) >= 25, f'{title!r}, {len(items)}')
    check('with their source links',
          len(links) >= 20 and all(a.get_attribute('href').startswith('http')
                                   for a in links))
    check('a row names both ends', 'Iran \u2192 Israel' in items[0].text or
          'Israel \u2192 Iran' in items[0].text, items[0].text)

    # the period slider: another period's diagram, other ties
    before = visible_diagram(driver)
    slider = driver.find_element(By.ID, 'period')
    slider.click()  # focus it, then step with the keyboard like a reader
    for _ in range(len(data['periods']) + 2):
        slider.send_keys('\ue012')  # arrow left, to the first period
    first = visible_diagram(driver)
    label = driver.find_element(By.ID, 'period-label').text
    check('the slider shows the first week\'s diagram',
          first.get_attribute('data-period') == '0' and
          label.startswith(data['periods'][0]['period']),
          f'{first.get_attribute("data-period")} {label!r}')
    slider.send_keys('\ue014' * 4)  # arrow right to the last week
    last = visible_diagram(driver)
    edges_first = first.find_elements(By.CSS_SELECTOR, 'g.edge')
    check('and moving it changes the diagram',
          last.get_attribute('data-period') == '4' and
          before.get_attribute('data-period') == 'all' and
          last.get_attribute('innerHTML') != first.get_attribute('innerHTML'),
          last.get_attribute('data-period'))
    check('per-period diagrams share one layout (same place for Israel)',
          same_place(driver, first, last, 'ISR'))
    del edges_first

    # sort the actors table by PageRank, then by name
    header = next(h for h in driver.find_elements(
        By.CSS_SELECTOR, '#actors-table th') if h.text == 'pagerank')
    header.click()
    values = [float(td.get_attribute('data-value')) for td in
              driver.find_elements(By.CSS_SELECTOR,
                                   '#actors-table tbody td:nth-child(3)')]
    check('a click on the pagerank header sorts largest first',
          len(values) > 3 and values == sorted(values, reverse=True), values)
    header.click()
    values = [float(td.get_attribute('data-value')) for td in
              driver.find_elements(By.CSS_SELECTOR,
                                   '#actors-table tbody td:nth-child(3)')]
    check('a second click sorts smallest first',
          values == sorted(values), values)
    # the same numbers as report.json
    shown = {td.find_element(By.XPATH, '..').find_elements(By.TAG_NAME, 'td')[0].text:
             float(td.get_attribute('data-value')) for td in
             driver.find_elements(By.CSS_SELECTOR,
                                  '#actors-table tbody td:nth-child(3)')}
    check('the table holds report.json\'s PageRank',
          shown == {a['code']: a['pagerank'] for a in data['actors']})
    changes = driver.find_elements(By.CSS_SELECTOR, '#changes-table tbody tr')
    check('what changed names Iran-Israel first', changes and
          changes[0].text.startswith('Iran \u2013 Israel'),
          changes[0].text if changes else 'no rows')

    if SHOT:
        slider.send_keys('\ue012' * 10)
        slider.send_keys('\ue014' * 10)
        click_edge(driver, edge)
        driver.set_window_size(1280, 1000)
        driver.save_screenshot(SHOT)
    errors, urls = script_errors(driver), requests_made(driver)
    check('no script error was logged', not errors, errors)
    check('no request left the page', not urls, urls)


def same_place(driver, a, b, code):
    def place(div):
        return driver.execute_script(
            'var code = arguments[1];'
            'var t = Array.prototype.find.call(arguments[0].querySelectorAll('
            '"g.node title"), function (t) { return t.textContent === code; });'
            'if (!t) return null;'
            'var e = t.parentNode.querySelector("ellipse");'
            'return e ? [e.getAttribute("cx"), e.getAttribute("cy")] : null;',
            div, code)
    pa, pb = place(a), place(b)
    return pa is not None and pa == pb


def test_hostile(driver, tmp):
    path = os.path.join(tmp, 'hostile.json')
    with open(path, 'w') as f:
        json.dump(HOSTILE, f)
    out = os.path.join(tmp, 'hostile')
    p = subprocess.run([EXE, 'report', '--quiet', '--by', 'month', path,
                        '-o', out], capture_output=True, timeout=300)
    check('report of sentences holding markup', p.returncode == 0,
          p.stderr.decode())
    if p.returncode != 0:
        return
    driver.get('file://' + os.path.join(out, 'report.html'))
    WebDriverWait(driver, 30).until(lambda d: d.find_element(
        By.TAG_NAME, 'body').get_attribute('data-ready') == '1')
    svg = visible_diagram(driver).find_element(By.TAG_NAME, 'svg')
    click_edge(driver, svg.find_element(By.CSS_SELECTOR, 'g.edge'))
    text = driver.find_element(By.ID, 'sources-list').text
    check('markup in a sentence is shown as text',
          '<script>window.__pwned = 1</script>' in text and
          '</script><script>window.__pwned = 4</script>' in text, text)
    check('no script of the input ran',
          driver.execute_script('return window.__pwned === undefined'))
    hrefs = [a.get_attribute('href') for a in
             driver.find_elements(By.CSS_SELECTOR, '#sources-list a')]
    check('a javascript: document is no link; an https one is',
          hrefs == ['https://example.org/a?b=%3Ci%3Ec%3C/i%3E'] or
          hrefs == ['https://example.org/a?b=<i>c</i>'], hrefs)
    check('no image or element came from the input',
          not driver.find_elements(By.CSS_SELECTOR, '#sources-list img, '
                                   '#sources-list script, #sources-list b'))
    errors, urls = script_errors(driver), requests_made(driver)
    check('no script error was logged (hostile)', not errors, errors)
    check('no request left the page (hostile)', not urls, urls)


def main():
    tmp = tempfile.mkdtemp(prefix='entente-browser-')
    driver = None
    try:
        driver = browser(os.path.join(tmp, 'profile'))
        test_example(driver, tmp)
        test_hostile(driver, tmp)
    finally:
        if driver is not None:
            driver.quit()
        shutil.rmtree(tmp, ignore_errors=True)
    finish()


if __name__ == '__main__':
    main()
