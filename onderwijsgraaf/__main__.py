from onderwijsgraaf.cli import main

raise SystemExit(main())
