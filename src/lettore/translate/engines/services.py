"""The web services: Google, MyMemory, LibreTranslate, DeepL and Microsoft.

deep-translator's classes call `requests` with no timeout, so each service's small HTTP
call is re-implemented here on `HttpClient`; deep-translator still provides the default
endpoints. Each class notes the quirk of deep-translator's version it avoids.
"""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup
from deep_translator.constants import BASE_URLS

from lettore.translate.engines.bounded import BoundedAnswer
from lettore.translate.engines.errors import (
    EngineAuthError,
    EngineBadResponse,
    EngineRateLimited,
)
from lettore.translate.engines.online import OnlineEngine


def _json(engine: str, response: BoundedAnswer) -> Any:
    """Decode a JSON body or raise `EngineBadResponse` (garbage, HTML error pages...)."""
    try:
        return response.json()
    except ValueError:
        raise EngineBadResponse(engine, "answered something that is not JSON") from None


def _slash(url: str) -> str:
    """Base URLs get a trailing slash (deep-translator's Libre silently needs one)."""
    return url if url.endswith("/") else url + "/"


class GoogleEngine(OnlineEngine):
    """Google Translate's mobile page, as deep-translator uses it: no key, 5,000 characters."""

    name = "google"
    max_chars = 5000

    def __init__(self, client: Any, url: str | None = None, jobs: int = 4) -> None:
        super().__init__(client, jobs)
        self.url = url or BASE_URLS["GOOGLE_TRANSLATE"]

    def request_one(self, text: str, src: str, tgt: str) -> str:
        """GET /m?sl=&tl=&q= and read the translation from the page's result element."""
        response = self.client.request("GET", self.url, params={"sl": src, "tl": tgt, "q": text})
        soup = BeautifulSoup(response.text, "html.parser")
        element = soup.find("div", {"class": "t0"}) or soup.find(
            "div", {"class": "result-container"}
        )
        if element is None:
            raise EngineBadResponse(self.name, "the page held no translation")
        return element.get_text(strip=True)


class MyMemoryEngine(OnlineEngine):
    """MyMemory's free API: 500 characters a request, quota errors inside a 200 answer."""

    name = "mymemory"
    max_chars = 500

    def __init__(
        self, client: Any, url: str | None = None, jobs: int = 4, email: str | None = None
    ) -> None:
        super().__init__(client, jobs)
        self.url = url or BASE_URLS["MYMEMORY"]
        self.email = email

    def request_one(self, text: str, src: str, tgt: str) -> str:
        """GET ?q=&langpair=src|tgt; a daily-quota warning is not a translation."""
        params = {"q": text, "langpair": f"{src}|{tgt}"}
        if self.email:
            params["de"] = self.email
        data = _json(self.name, self.client.request("GET", self.url, params=params))
        if not isinstance(data, dict) or not isinstance(data.get("responseData"), dict):
            raise EngineBadResponse(self.name, "the answer had no responseData")
        answer = data["responseData"].get("translatedText")
        status = str(data.get("responseStatus", "200"))
        if status == "429" or (isinstance(answer, str) and answer.startswith("MYMEMORY WARNING")):
            raise EngineRateLimited(self.name, "the free daily quota is used up")
        if status in ("401", "403"):
            raise EngineAuthError(self.name, "the server refused the request")
        if status != "200":
            raise EngineBadResponse(self.name, f"answered status {status}")
        return answer


class LibreEngine(OnlineEngine):
    """LibreTranslate, usually self-hosted: POST /translate; a key only if the server wants one.

    deep-translator's LibreTranslator demands a key even for a custom URL and needs that
    URL to end in '/'; neither applies here.
    """

    name = "libre"

    def __init__(
        self, client: Any, url: str | None = None, jobs: int = 4, api_key: str | None = None
    ) -> None:
        super().__init__(client, jobs)
        self.url = _slash(url) if url else None
        self.api_key = api_key

    def available(self) -> str | None:
        """Libre has no free public server: it needs `--engine-url` or `engine_urls.libre`."""
        if not self.url:
            return "no server URL: pass --engine-url URL or set engine_urls.libre in config.yaml"
        return None

    def request_one(self, text: str, src: str, tgt: str) -> str:
        """POST JSON {q, source, target, format}; the answer is {"translatedText": ...}."""
        body: dict[str, str] = {"q": text, "source": src, "target": tgt, "format": "text"}
        if self.api_key:
            body["api_key"] = self.api_key
        data = _json(self.name, self.client.request("POST", f"{self.url}translate", json=body))
        if not isinstance(data, dict) or "translatedText" not in data:
            raise EngineBadResponse(self.name, "the answer had no translatedText")
        return data["translatedText"]


class DeeplEngine(OnlineEngine):
    """DeepL's API with a key in the Authorization header (never in the URL)."""

    name = "deepl"

    def __init__(
        self, client: Any, url: str | None = None, jobs: int = 4, api_key: str | None = None
    ) -> None:
        super().__init__(client, jobs)
        self.api_key = api_key
        free = bool(api_key and api_key.endswith(":fx"))
        default = BASE_URLS["DEEPL_FREE" if free else "DEEPL"].format(version="v2")
        self.url = _slash(url or default)

    def available(self) -> str | None:
        """DeepL needs a key (a free one ends in ':fx')."""
        if not self.api_key:
            return "needs an API key: set LETTORE_DEEPL_KEY or api_keys.deepl in config.yaml"
        return None

    def request_one(self, text: str, src: str, tgt: str) -> str:
        """POST /v2/translate; the answer is {"translations": [{"text": ...}]}."""
        target = "EN-GB" if tgt.lower() == "en" else tgt.upper()
        response = self.client.request(
            "POST",
            f"{self.url}translate",
            data={"text": text, "source_lang": src.upper(), "target_lang": target},
            headers={"Authorization": f"DeepL-Auth-Key {self.api_key}"},
        )
        data = _json(self.name, response)
        try:
            return data["translations"][0]["text"]
        except (KeyError, IndexError, TypeError):
            raise EngineBadResponse(self.name, "the answer had no translations") from None


class MicrosoftEngine(OnlineEngine):
    """Azure Translator v3 with the key in a header; no language-list request at start-up."""

    name = "microsoft"
    max_chars = 50000

    def __init__(
        self,
        client: Any,
        url: str | None = None,
        jobs: int = 4,
        api_key: str | None = None,
        region: str | None = None,
    ) -> None:
        super().__init__(client, jobs)
        self.url = url or BASE_URLS["MICROSOFT_TRANSLATE"]
        self.api_key = api_key
        self.region = region

    def available(self) -> str | None:
        """Microsoft needs a key (and usually a region)."""
        if not self.api_key:
            return "needs an API key: set LETTORE_MICROSOFT_KEY or api_keys.microsoft in config.yaml"
        return None

    def request_one(self, text: str, src: str, tgt: str) -> str:
        """POST [{"Text": ...}]; the answer is [{"translations": [{"text": ...}]}]."""
        headers = {"Ocp-Apim-Subscription-Key": str(self.api_key)}
        if self.region:
            headers["Ocp-Apim-Subscription-Region"] = self.region
        params = {"from": src, "to": tgt}
        if "api-version" not in self.url:
            params["api-version"] = "3.0"
        response = self.client.request(
            "POST", self.url, params=params, headers=headers, json=[{"Text": text}]
        )
        data = _json(self.name, response)
        try:
            return data[0]["translations"][0]["text"]
        except (KeyError, IndexError, TypeError):
            raise EngineBadResponse(self.name, "the answer had no translations") from None

