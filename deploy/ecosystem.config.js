// PM2: `pm2 start deploy/ecosystem.config.js` (same app name and logs as the seed).
// Settings come from .env in the project folder; API_HASH is required to listen on 0.0.0.0.
const path = require("path");
const root = path.resolve(__dirname, "..");

module.exports = {
  apps: [
    {
      name: "api-botk",
      cwd: root,
      script: path.join(root, ".venv/bin/gunicorn"),
      args: "-c deploy/gunicorn.conf.py",
      interpreter: "none",
      env: { BOTK_HOST: "0.0.0.0", PORT: "8096" },
      out_file: path.join(root, "logs/api-botk-out.log"),
      error_file: path.join(root, "logs/api-botk-error.log"),
      log_file: path.join(root, "logs/api-botk-combined.log"),
      time: true,
      autorestart: true,
      max_restarts: 10,
      // PM2 sends SIGINT (graceful in deploy/gunicorn.conf.py) and waits
      // kill_timeout before SIGKILL: longer than graceful_timeout (120 s).
      kill_timeout: 130000,
    },
  ],
};
