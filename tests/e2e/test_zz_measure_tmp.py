import pytest
from django.conf import settings
pytestmark = pytest.mark.usefixtures("site_content")

@pytest.mark.parametrize("width", [1280, 390])
def test_measure(browser, hub_url, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(f"{hub_url}/seminars/helsinki-2021/")
    h = page.evaluate("document.documentElement.scrollHeight")
    y = page.locator("#outputs-title").bounding_box()["y"]
    print(f"BEFORE {width}: height {h}, outputs heading y={y}")
    page.screenshot(path=f"/tmp/seminar_tmp/before-{width}.png", full_page=True)
    context.close()
