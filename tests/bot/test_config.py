"""Settings: read from the environment and .env, typed, with a clear message for a bad value."""

from bot.cli import main
from bot.config import Settings


def test_settings_come_from_env_file_and_environment(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("BRIEFBOT_ADMIN_IDS=1, 2 3\nBRIEFBOT_TELEGRAM_TOKEN=42:secret\n"
                                   "BRIEFBOT_EMBED_BF16=\n", encoding="utf-8")
    monkeypatch.setenv("BRIEFBOT_FETCH_TIMEOUT", "2.5")
    settings = Settings()
    assert settings.admin_ids == [1, 2, 3]
    assert settings.fetch_timeout == 2.5
    assert settings.embed_bf16 is None  # empty means "decide from the CPU"
    assert settings.telegram_token.get_secret_value() == "42:secret"
    assert "secret" not in repr(settings) and "secret" not in str(settings.model_dump())


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
