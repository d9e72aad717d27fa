-- Posts the file named by BODY_FILE with the tutorial API key, as a client batching points would.
local file = io.open(os.getenv("BODY_FILE"), "r")
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["DD-API-KEY"] = os.getenv("DD_API_KEY")
