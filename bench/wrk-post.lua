-- wrk -s bench/wrk-post.lua: POST the JSON body in the file named by env BODY, the same body
-- on every request (bench/compare.py sets BODY).
local f = assert(io.open(assert(os.getenv("BODY"), "set BODY to a JSON body file"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json, application/json"
