"""Settings: read from the environment and .env, typed, with a clear message for a bad value."""

import pytest
from pydantic import ValidationError

from bot.cli import main
from bot.config import Settings
from bot.webhook import webhook_options


def test_settings_come_from_env_file_and_environment(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("BRIEFBOT_ADMIN_IDS=1, 2 3\nBRIEFBOT_TELEGRAM_TOKEN=42:hush-hush\n"
                                   "BRIEFBOT_EMBED_BF16=\n", encoding="utf-8")
    monkeypatch.setenv("BRIEFBOT_FETCH_TIMEOUT", "2.5")
    settings = Settings()
    assert settings.admin_ids == [1, 2, 3]
    assert settings.fetch_timeout == 2.5
    assert settings.embed_bf16 is None  # empty means "decide from the CPU"
    assert settings.telegram_token.get_secret_value() == "42:hush-hush"
    assert "hush" not in repr(settings) and "hush" not in str(settings.model_dump())


def test_an_invalid_setting_is_named(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BRIEFBOT_FETCH_TIMEOUT", "soon")
    assert main(["stats"]) == 2
    assert "BRIEFBOT_FETCH_TIMEOUT" in capsys.readouterr().err


def test_the_example_env_file_lists_every_setting():
    from pathlib import Path

    example = (Path(__file__).resolve().parents[2] / ".env.example").read_text(encoding="utf-8")
    for name in Settings.model_fields:
        assert f"BRIEFBOT_{name.upper()}=" in example, name


def test_a_webhook_needs_an_https_address_and_a_secret_telegram_accepts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValidationError, match="HTTPS"):
        Settings(webhook_url="http://bot.example/updates")
    with pytest.raises(ValidationError, match="letters, digits"):
        Settings(webhook_url="https://bot.example/u", webhook_secret="no spaces please")
    generated = webhook_options(Settings(webhook_url="https://bot.example/u"))
    assert len(generated["secret_token"]) >= 32 and generated["url_path"] == "u"
    assert webhook_options(Settings(webhook_url="https://bot.example/u"))["secret_token"] != generated["secret_token"]
