print("intake: not built yet")
