import SiteKit
print("site")
